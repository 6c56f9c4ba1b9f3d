using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Statistics;

/// <summary>
/// The manager's statistics as pages at 1366×768: complaint statistics with their 热点 and drill-down, the ticket
/// lookup of a served ticket, and the 好差评 figures; each with the layout checked and its screenshot.
/// </summary>
public sealed class StatisticsPagesTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private async Task<Dictionary<string, Guid>> ItemsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items"))!
            .ToDictionary(i => i!["prefix"]!.GetValue<string>(), i => i!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task ComplaintStatistics_HotspotDrillsDownToItsComplaints()
    {
        using var staff = await hall.SignedInAsync("staff1");
        var items = await ItemsAsync(staff);
        foreach (var (category, subject, item, title) in new[]
        {
            ("efficiency", "serviceItem", (Guid?)items["A"], "社保登记排队一个多小时"),
            ("efficiency", "serviceItem", items["A"], "社保登记办理太慢"),
            ("attitude", "hall", null, "导服人员态度生硬"),
            ("facilities", "hall", null, "取号机经常卡纸"),
        })
        {
            (await staff.PostAsJsonAsync($"/api/halls/{hall.HallId}/complaints", new
            {
                channel = "phone", title, content = "来电反映", anonymous = true, subject, serviceItemId = item, category,
            })).EnsureSuccessStatusCode();
        }

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        var stats = new StatisticsPages(page);
        await stats.OpenFromMenuAsync("统计分析", "投诉统计");
        await Expect(page.GetByTestId("total-counted")).ToContainTextAsync("4");
        var hotspot = stats.CountRow("hotspots", "办事效率");
        await Expect(hotspot.GetByTestId("count")).ToHaveTextAsync("2");
        await Expect(hotspot.GetByTestId("trend")).ToHaveTextAsync("新出现");
        await Expect(page.GetByTestId("month-chart").Locator("svg")).ToBeVisibleAsync();
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await stats.ShotAsync("complaint-statistics-zh.png");

        await hotspot.GetByTestId("count-name").ClickAsync();
        await Expect(page.GetByTestId("drill-filter")).ToContainTextAsync("办事效率");
        await Expect(stats.ComplaintRows).ToHaveCountAsync(2);
        await Expect(stats.ComplaintRows.Filter(new() { HasText = "社保登记办理太慢" })).ToBeVisibleAsync();
        await stats.ComplaintRows.First.GetByTestId("complaint-link").ClickAsync();
        await page.WaitForURLAsync("**/supervision/complaints/*");

        // In English: the page, its screenshot, and its export downloaded as a person does, opened, headed in English.
        await stats.GotoAsync("/supervision/complaint-statistics");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
        await stats.WaitReadyAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Complaint statistics", Exact = true })).ToBeVisibleAsync();
        await Expect(stats.CountRow("hotspots", "Efficiency").GetByTestId("count")).ToHaveTextAsync("2");
        await stats.ShotAsync("statistics-complaints-en.png");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await using var file = await download.CreateReadStreamAsync();
        var book = await XlsxReader.ReadAsync(file);
        var first = book.Sheet(1);
        Assert.Equal(["By", "Name", "This period", "Period before", "Trend"], first.Headers());
        Assert.Contains(Enumerable.Range(2, first.RowCount - 1), r => first.Text(r, 2) == "Efficiency" && first.Number(r, 3) == 2);
    }

    [Fact]
    public async Task TicketLookup_ServedTicket_ShowsEachStepWithWhoActed()
    {
        using var staff = await hall.SignedInAsync("staff1");
        using var citizen = hall.Http();
        var items = await ItemsAsync(staff);
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        var issued = await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = items["A"], priority = "elderly" });
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = ticket["id"]!.GetValue<Guid>();
        await staff.PostAsync($"/api/counters/{counter}/open", null);
        (await staff.PostAsJsonAsync($"/api/counters/{counter}/tickets/{id}/call", new { reason = "老人优先" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counter}/tickets/{id}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counter}/tickets/{id}/finish", null)).EnsureSuccessStatusCode();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        var stats = new StatisticsPages(page);
        await stats.GotoAsync("/supervision/tickets");
        await stats.LookUpAsync(ticket["number"]!.GetValue<string>());
        await Expect(page.GetByTestId("summary-status")).ToHaveTextAsync("已办结");
        await Expect(stats.Steps).ToHaveCountAsync(4);
        await Expect(stats.Steps.Nth(0).GetByTestId("step")).ToHaveTextAsync("取号");
        await Expect(stats.Steps.Nth(1).GetByTestId("step-detail")).ToHaveTextAsync("老人优先");
        await Expect(stats.Steps.Nth(3).GetByTestId("step")).ToHaveTextAsync("办结");
        await Expect(stats.Steps.Nth(3).GetByTestId("step-actor")).ToContainTextAsync("王晓明");
        await Expect(stats.Steps.Nth(3).GetByTestId("step-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d$"));
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await stats.ShotAsync("ticket-lookup-zh.png");

        await stats.LookUpAsync("Z999");
        await Expect(page.GetByTestId("report-error")).ToContainTextAsync("找不到该号票");
    }

    [Fact]
    public async Task Satisfaction_MonthByMonthAndPerStaff()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        var stats = new StatisticsPages(page);
        await stats.GotoAsync("/supervision/satisfaction");
        await Expect(page.GetByTestId("satisfaction").Locator("tbody tr").First).ToBeVisibleAsync();
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await stats.ShotAsync("satisfaction-zh.png");
    }
}
