using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Priorities;

/// <summary>
/// Q2, issue 16: the demo hospital's kiosk offers its own categories (急诊, 老年人, 残疾人, 军人, 孕产妇) and its counter checks a
/// claim — verified, then another not entitled — at 1024×768. With <c>SERVICEHALL_SCREENSHOTS</c> set, writes
/// kiosk-priorities-hospital-zh.png and counter-priority-claim-zh.png to docs/screenshots.
/// </summary>
public sealed class PriorityClaimPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    /// <summary>The counter page as CounterLayoutTests checks it: its heading for screen readers only is left out.</summary>
    private static readonly LayoutRules Counter = LayoutRules.BackOffice with { Ignore = [.. LayoutRules.BackOffice.Ignore, ".sh-visually-hidden"] };

    [Fact]
    public async Task Hospital_KioskOffersItsCategories_CounterVerifiesOneClaim_AndDowngradesAnother()
    {
        var hospital = await HospitalAsync();
        var kiosk = new KioskPage(await hall.NewPageAsync(1024, 768));
        await kiosk.GotoAsync(hospital);
        await kiosk.Item("门诊挂号").ClickAsync();
        var buttons = kiosk.Page.Locator("#priorities .priority-button");
        await Expect(buttons).ToHaveTextAsync(["普通", "急诊", "老年人", "残疾人", "军人", "孕产妇"]);
        await kiosk.Priority("老年人").ClickAsync();
        await Expect(kiosk.Priority("老年人")).ToHaveAttributeAsync("aria-pressed", "true");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(kiosk.Page);
        await SaveAsync(kiosk.Page, "kiosk-priorities-hospital-zh");
        await kiosk.Button("确认取号").ClickAsync();
        await Expect(kiosk.Page.Locator("#ticket-priority")).ToHaveTextAsync("老年人");
        var elderlyNumber = (await kiosk.TicketNumber.TextContentAsync())!.Trim();

        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "hospital-staff1", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(1);
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(elderlyNumber);
        var claim = counter.Page.GetByTestId("priority-claim");
        await Expect(claim.GetByTestId("claim-awaits")).ToContainTextAsync($"{elderlyNumber} 号申请“老年人”优先");
        await Layout.AssertAsync(counter.Page, Counter);
        await SaveAsync(counter.Page, "counter-priority-claim-zh");
        await claim.GetByTestId("claim-verify").ClickAsync();
        await Expect(claim.GetByTestId("claim-verified")).ToContainTextAsync("“老年人”优先资格已核验");
        await counter.Button("开始办理").ClickAsync();
        // 门诊挂号 leads on to 门诊缴费 (a visit of several steps): this patient goes home, so the next call is the 军人 claim.
        await counter.Page.GetByTestId("finish-without-next-step").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveCountAsync(0);

        // A 军人 claim the clerk finds not entitled: a reason, then a normal ticket served now.
        var soldierNumber = await IssueAsync(hospital, "军人");
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(soldierNumber);
        await claim.GetByTestId("claim-not-entitled").ClickAsync();
        await Expect(claim.GetByTestId("claim-downgrade")).ToBeDisabledAsync();
        await claim.GetByRole(AriaRole.Textbox, new() { Name = "不符合的理由" }).FillAsync("未能出示军人证件");
        await claim.GetByTestId("claim-downgrade").ClickAsync();
        await Expect(claim.GetByTestId("claim-downgraded")).ToContainTextAsync("不符合“军人”优先条件，已转为普通号");
        await Expect(claim.GetByTestId("claim-downgraded")).ToContainTextAsync("未能出示军人证件");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(soldierNumber);
        await Expect(counter.CurrentTicket).Not.ToContainTextAsync("军人", new() { Timeout = 5000 });
        await Layout.AssertAsync(counter.Page, Counter);
    }

    private async Task<Guid> HospitalAsync()
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        var name = SeedDemoKindHalls.Halls.Single(h => h.Kind == HallKind.Hospital).Name;
        return halls!.Single(h => h!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<Guid>();
    }

    /// <summary>A ticket of 门诊挂号 claiming the category, as the kiosk takes it; its number.</summary>
    private async Task<string> IssueAsync(Guid hallId, string category)
    {
        using var http = hall.Http();
        var categories = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/priority-categories");
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/service-items");
        var response = await http.PostAsJsonAsync($"/api/halls/{hallId}/tickets", new
        {
            serviceItemId = items!.Single(i => i!["prefix"]!.GetValue<string>() == "A")!["id"]!.GetValue<Guid>(),
            priorityCategoryId = categories!.Single(c => c!["nameZh"]!.GetValue<string>() == category)!["id"]!.GetValue<Guid>(),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
