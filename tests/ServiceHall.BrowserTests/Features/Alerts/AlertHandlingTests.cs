using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Alerts;

/// <summary>Who handled an alert: a supervisor takes it on from the dashboard; the other dashboards and the alert history show who and when.</summary>
public sealed class AlertHandlingTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task SupervisorTakesAlertOn_OtherDashboardAndHistoryShowWhoAndWhen()
    {
        var first = await DashboardPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        var second = await DashboardPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.Single(i => i!["prefix"]!.GetValue<string>() == "C")!["id"]!.GetValue<Guid>();
        // The demo's threshold is 10 people: the eleventh raises the alert.
        for (var i = 0; i < 11; i++)
            (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item })).EnsureSuccessStatusCode();

        var alert = first.Alerts.Filter(new() { HasText = "排队 11 人" });
        await Expect(alert.GetByTestId("alert-acknowledge")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(alert).ToContainTextAsync("确认处理");
        await alert.GetByTestId("alert-acknowledge").ClickAsync();
        await Expect(alert.GetByTestId("alert-acknowledged")).ToContainTextAsync("中心管理办（S001）");

        // The other supervisor's dashboard shows it without a reload: nobody takes the same alert twice.
        var seen = second.Alerts.Filter(new() { HasText = "排队 11 人" }).GetByTestId("alert-acknowledged");
        await Expect(seen).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"中心管理办（S001） .*\d{1,2}:\d{2}.*确认"));
        await Expect(second.Alerts.Filter(new() { HasText = "排队 11 人" }).GetByTestId("alert-acknowledge")).ToHaveCountAsync(0);
        await Layout.AssertAsync(second.Page, LayoutRules.BackOffice);

        var history = second.Page;
        await history.GotoAsync("/supervision/alerts");
        await history.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var row = history.GetByTestId("alert-history").Locator("tbody tr").Filter(new() { HasText = "排队" }).First;
        await Expect(row.GetByTestId("alert-handled")).ToContainTextAsync("中心管理办（S001）");
        await Layout.AssertAsync(history, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(history);
    }
}
