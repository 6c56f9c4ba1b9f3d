using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Platform;

/// <summary>
/// Each kind of page works under the Content-Security-Policy it is sent, and the browser reports no violation:
/// the light public pages, a printable document, the Blazor staff pages and the API reference.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private const string Collect = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        window.print = () => { window.__printed = true; };
        """;

    private readonly List<string> _violations = [];

    private async Task<IPage> PageAsync(int width = 1366, int height = 900)
    {
        var page = await hall.NewPageAsync(width, height);
        await page.Context.AddInitScriptAsync(Collect);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (_violations)
                    _violations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    private async Task NoViolationAsync(IPage page, string kind)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var reported = await page.EvaluateAsync<string[]>("() => window.__csp ?? []");
        lock (_violations)
            Assert.True(reported.Length == 0 && _violations.Count == 0,
                $"{kind}: CSP violations: {string.Join("; ", reported.Concat(_violations))}");
    }

    [Fact]
    public async Task PublicPagesAndDocuments_RunUnderTheStrictPolicy_NoViolation()
    {
        var kiosk = new KioskPage(await PageAsync(1080, 1920));
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync("企业开办登记", "老人");
        await Expect(kiosk.TicketNumber).ToBeVisibleAsync();
        var qr = kiosk.Page.Locator("#ticket-qr");
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "the ticket's QR code did not load");
        await NoViolationAsync(kiosk.Page, "kiosk");
        var ticketId = await kiosk.TicketIdAsync();

        var phone = new PhonePage(await PageAsync(390, 844));
        await phone.GotoAsync(ticketId);
        await NoViolationAsync(phone.Page, "phone");

        var display = await PageAsync(1920, 1080);
        await LoginPage.SignedInAsync(display, "display1", $"/display/{hall.HallId}");
        await display.Locator("body[data-connection=connected]").WaitForAsync();
        await NoViolationAsync(display, "display");

        using var api = hall.Http();
        var counters = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var pad = new RatingPadPage(await PageAsync(1280, 800));
        await pad.GotoAndSignInAsync(counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<string>());
        await NoViolationAsync(pad.Page, "pad");

        var complain = await PageAsync(390, 844);
        await complain.GotoAsync($"/complain/{hall.HallId}");
        await complain.GetByRole(AriaRole.Heading).First.WaitForAsync();
        await NoViolationAsync(complain, "complaint form");

        // A printable document: its print button and print-on-load come from its script file.
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var itemId = items!.First(i => i!["name"]!.GetValue<string>() == "企业开办登记")!["id"]!.GetValue<string>();
        var guide = await PageAsync(900, 1200);
        await guide.GotoAsync($"/guide/{hall.HallId}/{itemId}?print=1");
        await guide.WaitForFunctionAsync("() => window.__printed === true");
        Assert.Equal("rgb(238, 238, 238)", await guide.Locator("th").First.EvaluateAsync<string>("th => getComputedStyle(th).backgroundColor"));
        await NoViolationAsync(guide, "printable guide");
    }

    [Fact]
    public async Task StaffPagesAndApiReference_NoViolation()
    {
        var login = await PageAsync();
        await new LoginPage(login).GotoAsync();
        await NoViolationAsync(login, "sign-in page");

        var counter = new CounterPage(await LoginPage.SignedInAsync(await PageAsync(1366, 768), "staff1", "/counter"));
        await counter.WaitReadyAsync();
        await NoViolationAsync(counter.Page, "counter");

        var dashboard = await LoginPage.SignedInAsync(await PageAsync(), "supervisor", "/dashboard");
        await dashboard.GetByTestId("devices-panel").WaitForAsync();
        await NoViolationAsync(dashboard, "dashboard");
        await dashboard.GotoAsync("/supervision");
        await dashboard.GetByRole(AriaRole.Heading).First.WaitForAsync();
        await NoViolationAsync(dashboard, "supervision");

        var admin = await LoginPage.SignedInAsync(await PageAsync(1400, 1000), "admin", "/admin");
        await admin.GetByRole(AriaRole.Tab).First.WaitForAsync();
        await NoViolationAsync(admin, "admin");

        var reference = await PageAsync();
        await reference.GotoAsync("/api-docs");
        await Expect(reference).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("ServiceHall API"));
        await reference.GetByText("IssueTicket").Or(reference.GetByText("Queue")).First.WaitForAsync();
        await NoViolationAsync(reference, "API reference");
    }
}
