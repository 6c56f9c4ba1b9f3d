using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Ledger;

/// <summary>
/// 服务日志基础台帐 (S6) in the pages: the supervisor's ledger at 1366×768 with its filters and its .xlsx download,
/// a staff member's own ledger, and the day's summary (工作小结) asked for at the counter when signing out. Writes
/// ledger-zh.png, ledger-en.png and counter-day-summary-zh.png when <c>SERVICEHALL_SCREENSHOTS</c> names a folder.
/// </summary>
public sealed class LedgerPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task SupervisorLedger_ShowsTheDay_FiltersAndDownloads()
    {
        await ServeSomeAsync();
        var ledger = new LedgerPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard"));
        await ledger.GotoAsync();
        var line = ledger.Row("3号窗口", "王晓明", "社保参保登记");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line.GetByTestId("served")).ToHaveTextAsync("2");
        await Expect(line.GetByTestId("no-shows")).ToHaveTextAsync("1 / 0");
        await Expect(ledger.StaffTable).ToContainTextAsync("会议");
        await Expect(ledger.Summaries).ToContainTextAsync("社保参保登记");
        await Layout.AssertAsync(ledger.Page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(ledger.Page);
        await SaveAsync(ledger.Page, "ledger-zh");

        var (fileName, bytes) = await ledger.DownloadAsync();
        Assert.EndsWith(".xlsx", fileName);
        Assert.StartsWith("服务台账", fileName);
        var file = XlsxReader.Read(new MemoryStream(bytes));
        Assert.Equal(["按事项", "咨询与暂停", "工作小结"], file.Sheets.Select(s => s.Name));
        var items = file.Sheet(1);
        var row = Enumerable.Range(2, items.RowCount - 1).Single(r => items.Text(r, 2) == "3号窗口" && items.Text(r, 6) == "社保参保登记");
        Assert.Equal(2, items.Number(row, items.Column("办理")));
        Assert.Equal(1, items.Number(row, items.Column("过号")));

        // A filter narrows the lines (and what the export holds).
        await ledger.ChooseAsync("窗口", "4号窗口");
        await Expect(ledger.Row("3号窗口")).ToHaveCountAsync(0);
        await Expect(ledger.Row("4号窗口", "李静")).ToHaveCountAsync(1);

        var english = new LedgerPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard"));
        await english.Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await english.Page.Locator("html[lang=en]").WaitForAsync();
        await english.GotoAsync();
        await Expect(english.Page.GetByRole(AriaRole.Heading, new() { Name = "Service ledger", Exact = true })).ToBeVisibleAsync();
        // The demo's items and counters have English names: the English ledger shows them.
        await Expect(english.Row("Social insurance enrolment").First).ToBeVisibleAsync();
        await Expect(english.Row("社保参保登记")).ToHaveCountAsync(0);
        await SaveAsync(english.Page, "ledger-en");
        await Layout.AssertAsync(english.Page, LayoutRules.BackOffice);
        var (enName, enBytes) = await english.DownloadAsync();
        Assert.StartsWith("service-ledger", enName);
        Assert.Equal("By item", XlsxReader.Read(new MemoryStream(enBytes)).Sheet(1).Name);

        // The staff filter names people with English brackets on an English page (it once showed 李静（1002）).
        await english.ChooseAsync("Staff member", "李静 (1002)");
        await Expect(english.Row("Counter 4", "李静 (1002)")).ToHaveCountAsync(1);
        await Expect(english.Row("Counter 3")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Counter_SignOut_AsksForTheDaySummary_KeptWithTheLedger()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "staff3", "/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        var attendance = page.GetByTestId("attendance");
        var signIn = attendance.GetByRole(AriaRole.Button, new() { Name = "签到" });
        if (await signIn.IsVisibleAsync())
            await signIn.ClickAsync();
        await attendance.GetByRole(AriaRole.Button, new() { Name = "签退" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("day-summary-figures")).ToContainTextAsync("今日");
        // Nothing written: the dialog says so and the person stays signed in.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存并签退" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("请填写工作小结");
        await dialog.GetByLabel("工作小结", new() { Exact = true }).FillAsync("今日办理不动产登记咨询，一次性告知 2 件；群众来电 13912345678 约定明日回访。");
        await Expect(dialog).Not.ToContainTextAsync("请填写工作小结");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await SaveAsync(page, "counter-day-summary-zh");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存并签退" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId("attendance-state")).ToContainTextAsync("已签退");

        // The staff member's own ledger shows the summary, masked, and no one else's.
        var own = new LedgerPage(page);
        await own.GotoAsync("/ledger");
        await Expect(own.Page.GetByRole(AriaRole.Heading, new() { Name = "我的服务台账" })).ToBeVisibleAsync();
        await Expect(own.Summaries).ToContainTextAsync("139****5678");
        await Expect(own.Summaries).Not.ToContainTextAsync("13912345678");
        await Expect(own.Page.GetByTestId("ledger-staff")).ToHaveCountAsync(0);
        await Layout.AssertAsync(own.Page, LayoutRules.BackOffice);
    }

    /// <summary>At counter 3 staff1 serves two tickets of 社保参保登记 and misses one; at counter 4 staff2 serves one; staff1 pauses for a meeting and writes the day's summary.</summary>
    private async Task ServeSomeAsync()
    {
        using var http = hall.Http();
        var items = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items"))!
            .ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!["id"]!.GetValue<Guid>());
        var counters = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters"))!
            .ToDictionary(c => c!["number"]!.GetValue<int>(), c => c!["id"]!.GetValue<Guid>());
        using var staff1 = await hall.SignedInAsync("staff1");
        using var staff2 = await hall.SignedInAsync("staff2");
        (await staff1.PostAsync($"/api/counters/{counters[3]}/open", null)).EnsureSuccessStatusCode();
        (await staff2.PostAsync($"/api/counters/{counters[4]}/open", null)).EnsureSuccessStatusCode();
        foreach (var (staff, counter, actions) in new[] { (staff1, counters[3], new[] { "finish", "no-show", "finish" }), (staff2, counters[4], new[] { "finish" }) })
        {
            foreach (var action in actions)
            {
                (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = items["社保参保登记"] })).EnsureSuccessStatusCode();
                var called = await (await staff.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
                var ticket = called!["id"]!.GetValue<Guid>();
                if (action == "finish")
                    (await staff.PostAsync($"/api/counters/{counter}/tickets/{ticket}/start", null)).EnsureSuccessStatusCode();
                (await staff.PostAsync($"/api/counters/{counter}/tickets/{ticket}/{action}", null)).EnsureSuccessStatusCode();
            }
        }
        (await staff1.PostAsJsonAsync($"/api/counters/{counters[3]}/pause", new { reason = "科室例会", category = "meeting" })).EnsureSuccessStatusCode();
        (await staff1.PostAsync($"/api/counters/{counters[3]}/resume", null)).EnsureSuccessStatusCode();
        (await staff1.PutAsJsonAsync("/api/ledger/day-summary", new { text = "上午办理社保参保登记 2 件，1 人过号。" })).EnsureSuccessStatusCode();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(400);
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
