using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Halls;

/// <summary>
/// Issue 16, "done when": each of the four demo halls walked from kiosk (1280×800) to counter (1024×768, the hall's own
/// staff account) to display (1920×1080), the display calling in the hall's wording. With <c>SERVICEHALL_SCREENSHOTS</c>
/// set, each hall's counter is written as counter-{kind}-zh.png (its kiosk and display are written by
/// <see cref="HallKindsPageTests"/> and the centre's screenshot tests); the English walk writes kiosk-, counter- and
/// display-hospital-en.png.
/// </summary>
public sealed class FourHallsWalkTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    /// <summary>The counter page's heading for screen readers is clipped to a pixel on purpose.</summary>
    private static readonly LayoutRules CounterRules = LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] };

    [Theory]
    [InlineData("government", "staff1", "企业开办登记", 1, "办理")]
    [InlineData("hospital", "hospital-staff1", "门诊取药", 3, "取药")]
    [InlineData("ticketOffice", "station-staff1", "购票", 1, "售票")]
    [InlineData("propertyDesk", "property-staff1", "物业缴费", 1, "缴费")]
    public async Task Walk_KioskToCounterToDisplay_InTheHallsWording(string kind, string staff, string item, int counterNumber, string action)
    {
        var (hallId, _) = await HallAsync(kind);
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hallId);
        await kiosk.TakeTicketAsync(item, "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new Regex(@"^[A-Z]\d{3}$"));
        var number = (await kiosk.TicketNumber.InnerTextAsync()).Trim();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);

        var display = await OpenDisplayAsync(hallId, kind == "government" ? "display1" : $"{Accounts(kind)}-display1", null);

        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), staff, "/counter"));
        await counter.WaitReadyAsync();
        await Expect(counter.Page.GetByTestId("hall-name")).ToHaveTextAsync(await NameAsync(hallId));
        await counter.OpenCounterAsync(counterNumber);
        await Expect(counter.Waiting(number)).ToBeVisibleAsync();
        await Expect(counter.Waiting(number)).ToContainTextAsync(item);
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Layout.AssertAsync(counter.Page, CounterRules);
        await SaveAsync(counter.Page, $"counter-{kind}-zh");

        await Expect(display.Page.Locator("#announce")).ToHaveTextAsync($"请{number}号到{counterNumber}号窗口{action}");
        await Expect(display.CounterNumber(counterNumber)).ToContainTextAsync(number);
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);
    }

    [Fact]
    public async Task Walk_InEnglish_KioskCounterAndDisplayShowTheHallsEnglishNames()
    {
        var (hallId, _) = await HallAsync("hospital");
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hallId, "en");
        await Expect(kiosk.Page.Locator("#hall-name")).ToHaveTextAsync("Binjiang Hospital");
        await Expect(kiosk.Page.Locator("#departments h3").Filter(new() { HasText = "Outpatient pharmacy" })).ToBeVisibleAsync();
        await kiosk.TakeTicketAsync("Collect medicine", "Standard", "Confirm and take ticket");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new Regex(@"^C\d{3}$"));
        var number = (await kiosk.TicketNumber.InnerTextAsync()).Trim();
        await Expect(kiosk.Page.Locator("#ticket-item")).ToContainTextAsync("Collect medicine");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, "kiosk-hospital-en");

        var display = await OpenDisplayAsync(hallId, "hospital-display1", "en");
        await Expect(display.Page.Locator("#hall-name")).ToHaveTextAsync("Binjiang Hospital");

        // The pharmacy's second counter, so that this walk and the Chinese one never call each other's ticket;
        // hospital-staff2 also works in the district centre (ADR-032).
        var page = await LoginPage.SignedInToHallAsync(await hall.NewPageAsync(1024, 768), "hospital-staff2", "滨江医院", "/counter");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        await Expect(page.GetByTestId("hall-name")).ToHaveTextAsync("Binjiang Hospital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open counter 4" }).ClickAsync();
        await counter.Header.WaitForAsync();
        await Expect(counter.Waiting(number)).ToContainTextAsync("Collect medicine");
        await counter.Button("Call next").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Expect(counter.CurrentTicket).ToContainTextAsync("Collect medicine");
        await Layout.AssertAsync(page, CounterRules);
        await SaveAsync(page, "counter-hospital-en");

        await Expect(display.CounterNumber(4)).ToContainTextAsync(number);
        await Expect(display.Page.Locator("#announce")).ToContainTextAsync(number);
        await Expect(display.Page.Locator("#waiting")).ToContainTextAsync("Collect medicine");
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);
        await SaveAsync(display.Page, "display-hospital-en");
    }

    private static string Accounts(string kind) =>
        SeedDemoKindHalls.Halls.Single(h => string.Equals(h.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)).Accounts;

    private async Task<(Guid Id, JsonObject Hall)> HallAsync(string kind, string? language = null)
    {
        using var http = hall.Http();
        if (language is not null)
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        var name = kind == "government" ? SeedDemoHall.DemoHallName
            : SeedDemoKindHalls.Halls.Single(h => string.Equals(h.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)).Name;
        var found = halls!.Select(h => h!.AsObject()).Single(h => h["kind"]!.GetValue<string>() == kind
            && (h["name"]!.GetValue<string>() == name || language is not null));
        return (found["id"]!.GetValue<Guid>(), found);
    }

    private async Task<string> NameAsync(Guid hallId)
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        return halls!.Single(h => h!["id"]!.GetValue<Guid>() == hallId)!["name"]!.GetValue<string>();
    }

    private async Task<DisplayPage> OpenDisplayAsync(Guid hallId, string account, string? lang)
    {
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hallId, lang, account: account);
        var sound = display.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("启用语音播报|voice", RegexOptions.IgnoreCase) });
        if (await sound.IsVisibleAsync())
            await sound.ClickAsync();
        return display;
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png"), FullPage = true });
    }
}
