using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Visits;

/// <summary>
/// P7, issue 16: a hospital visit through three steps under one number, on the demo hospital — kiosk → counter 挂号 →
/// display and phone say 缴费 → counter → the pharmacy marks it ready → the display's ready list → called to collect.
/// </summary>
public sealed class HospitalVisitTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");
    // The counter workstation, as CounterLayoutTests checks it: its page title is for screen readers only.
    private static readonly LayoutRules Counter = LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] };

    [Fact]
    public async Task HospitalVisit_ThroughThreeStepsUnderOneNumber()
    {
        var hospital = await HospitalIdAsync();
        await PharmacyReadyModeAsync(hospital);

        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hospital);
        await kiosk.TakeTicketAsync("门诊挂号", "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new Regex(@"^A\d{3}$"));
        var number = (await kiosk.TicketNumber.TextContentAsync())!.Trim();
        var ticketId = await kiosk.TicketIdAsync();

        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hospital, account: "hospital-display1");
        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);

        // 挂号 at counter 1, which serves 挂号 and 缴费: the counter says where finishing sends the patient.
        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "hospital-staff1", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(1);
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Expect(counter.Page.GetByTestId("next-step")).ToHaveTextAsync("办结后转到：门诊缴费");
        await counter.Button("开始办理").ClickAsync();
        await Expect(counter.Page.GetByTestId("finish-without-next-step")).ToBeEnabledAsync();
        await Layout.AssertAsync(counter.Page, Counter);
        await counter.Button("办结").ClickAsync();
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");

        // The phone follows the number to 缴费 and says where to wait; the display says it for a while.
        await Expect(phone.Page.Locator("#next-step-where")).ToHaveTextAsync("请到 门诊缴费 等候（第 1 位）", new() { Timeout = 8000 });
        await Expect(phone.Ticket(number)).ToBeVisibleAsync();
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        await SaveAsync(phone.Page, "phone-next-step-zh");
        await Expect(display.Page.Locator("#sent-on li")).ToHaveTextAsync([$"{number} → 门诊缴费"], new() { Timeout = 8000 });

        // 缴费 at the same counter: the same number, then on to the pharmacy.
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Expect(counter.Page.GetByTestId("next-step")).ToHaveTextAsync("办结后转到：门诊取药");
        await counter.Button("开始办理").ClickAsync();
        await counter.Button("办结").ClickAsync();
        await Expect(phone.Page.Locator("#next-step-where")).ToHaveTextAsync("请到 门诊取药 等候（第 1 位）", new() { Timeout = 8000 });

        // The pharmacy (counter 3) has nothing to call until the prescription is marked ready.
        // hospital-staff2 also works in the district centre (ADR-032).
        var pharmacy = new CounterPage(await LoginPage.SignedInToHallAsync(await hall.NewPageAsync(1366, 768), "hospital-staff2", "滨江医院", "/counter"));
        await pharmacy.WaitReadyAsync();
        await pharmacy.OpenCounterAsync(3);
        await Expect(pharmacy.Waiting(number)).ToContainTextAsync("待备药");
        await pharmacy.Page.GetByRole(AriaRole.Button, new() { Name = $"标记 {number} 已备好" }).ClickAsync();
        await Expect(pharmacy.Waiting(number)).ToContainTextAsync("已备好");
        await Layout.AssertAsync(pharmacy.Page, Counter);

        await Expect(display.Page.Locator("#ready li")).ToHaveTextAsync([number], new() { Timeout = 8000 });
        await Expect(phone.Page.Locator("#next-step-ready")).ToBeVisibleAsync(new() { Timeout = 8000 });
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);
        await Layout.AssertCjkRenderedAsync(display.Page);
        await SaveAsync(display.Page, "display-ready-zh");
        var small = new DisplayPage(await hall.NewPageAsync(1366, 768));
        await small.GotoAsync(hospital, account: "hospital-display1");
        await Expect(small.Page.Locator("#ready li")).ToHaveTextAsync([number]);
        await Layout.AssertAsync(small.Page, LayoutRules.Screen);

        await pharmacy.Button("呼叫下一位").ClickAsync();
        await Expect(pharmacy.CurrentNumber).ToHaveTextAsync(number);
        await Expect(display.Page.Locator("#announce")).ToHaveTextAsync($"请{number}号到3号窗口取药");
        await Expect(display.Page.Locator("#ready li")).ToHaveTextAsync(["暂无"], new() { Timeout = 8000 });
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 3 号窗口");
    }

    private async Task<Guid> HospitalIdAsync()
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        var name = SeedDemoKindHalls.Halls.Single(h => h.Kind == HallKind.Hospital).Name;
        return halls!.Single(h => h!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<Guid>();
    }

    /// <summary>The administrator switches the demo pharmacy (门诊取药) to ready-to-collect mode, its other settings as they are.</summary>
    private async Task PharmacyReadyModeAsync(Guid hospital)
    {
        using var admin = await hall.SignedInAsync("admin");
        var setup = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/halls/{hospital}"))!;
        var item = setup["serviceItems"]!.AsArray().Single(i => i!["prefix"]!.GetValue<string>() == "C")!.AsObject();
        var request = JsonNode.Parse(item.ToJsonString())!.AsObject();
        request.Remove("id");
        request.Remove("hallId");
        request["readyToCollect"] = true;
        (await admin.PutAsJsonAsync($"/api/admin/service-items/{item["id"]!.GetValue<Guid>()}", request)).EnsureSuccessStatusCode();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
