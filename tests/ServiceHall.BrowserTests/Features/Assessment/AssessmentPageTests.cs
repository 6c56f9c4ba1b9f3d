using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Supervision;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Assessment;

/// <summary>
/// S7 in the browser on the demo hall with last month scripted: the supervisor's page at 1366×768 (a figure's records,
/// changed weights, closing the month, English), the printed department report on A4, and a staff member's own score at
/// 1024×768. Writes assessment-zh/en, assessment-report-zh and assessment-mine-zh.
/// </summary>
public sealed class AssessmentPageTests(BrowserHall hall) : IClassFixture<BrowserHall>, IAsyncLifetime
{
    private DateOnly _month;

    /// <summary>Last month of the demo hall: staff1 at counter 1 and staff2 at counter 3 serve, wait and are rated; staff3 serves once.</summary>
    public async Task InitializeAsync()
    {
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var demo = await db.Halls.SingleAsync(h => h.Id == hall.HallId);
        var clock = new HallClock(demo.TimeZoneId);
        var today = clock.BusinessDay(DateTime.UtcNow);
        _month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (await db.Tickets.AnyAsync(t => t.HallId == hall.HallId && t.BusinessDay == _month.AddDays(2)))
            return;
        var users = await db.Users.Where(u => u.HallId == hall.HallId).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var counters = await db.Counters.Where(c => c.HallId == hall.HallId).Include(c => c.ServiceItems).ToDictionaryAsync(c => c.Number);
        var items = await db.ServiceItems.Where(i => i.HallId == hall.HallId).ToDictionaryAsync(i => i.Id);
        var sequence = 900;
        void Serve(string staff, int counterNumber, int day, int wait, int minutes, SatisfactionLevel? level)
        {
            var counter = counters[counterNumber];
            var item = items[counter.ServiceItems[0].ServiceItemId];
            var date = _month.AddDays(day);
            var queued = clock.ToUtc(date, new TimeOnly(9, 30).AddMinutes(sequence % 200));
            var ticket = new Ticket
            {
                Id = Guid.CreateVersion7(), HallId = hall.HallId, ServiceItemId = item.Id, BusinessDay = date, Sequence = ++sequence,
                Number = $"{item.Prefix}{sequence:000}", Status = TicketStatus.Done, IssuedAt = queued, QueuedAt = queued, CounterId = counter.Id,
                CalledByUserId = users[staff], CalledAt = queued.AddMinutes(wait), StartedAt = queued.AddMinutes(wait + 1),
                FinishedAt = queued.AddMinutes(wait + 1 + minutes), RatingKey = $"assess{sequence}",
            };
            db.Tickets.Add(ticket);
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, HallId = hall.HallId, Kind = TicketEventKind.Finished, At = ticket.FinishedAt.Value,
                UserId = users[staff], CounterId = counter.Id });
            if (level is { } l)
                db.Ratings.Add(new Rating
                {
                    Id = Guid.CreateVersion7(), HallId = hall.HallId, TicketId = ticket.Id, TicketNumber = ticket.Number, CounterId = counter.Id,
                    StaffUserId = users[staff], ServiceItemId = item.Id, DepartmentId = item.DepartmentId, Level = l, IsBad = Rating.Bad(l),
                    ServedAt = ticket.FinishedAt.Value, BusinessDay = date, RatedAt = ticket.FinishedAt.Value.AddMinutes(1), Channel = RatingChannel.HallPad,
                    Comment = l == SatisfactionLevel.Dissatisfied ? "等候时间太长" : null,
                });
        }
        for (var d = 2; d < 20; d += 3)
        {
            Serve("staff1", 1, d, 4, 9, SatisfactionLevel.VerySatisfied);
            Serve("staff1", 1, d, 14, 7, d == 5 ? SatisfactionLevel.Dissatisfied : SatisfactionLevel.Satisfied);
            Serve("staff2", 3, d, 3, 5, SatisfactionLevel.VerySatisfied);
        }
        Serve("staff3", 5, 8, 2, 6, null);
        // staff1 and staff2 worked all last month, in time every working day (the days attended a served target counts by):
        // half an hour before the demo hall opens (it opens at the hour the test starts) until after it closes. staff3's
        // account is new and expected from today only.
        var workingDays = scope.ServiceProvider.GetRequiredService<IWorkingDays>();
        foreach (var user in await db.Users.Where(u => u.UserName == "staff1" || u.UserName == "staff2").ToListAsync())
        {
            user.CreatedAt = clock.ToUtc(_month, TimeOnly.MinValue);
            for (var day = _month; day.Month == _month.Month; day = day.AddDays(1))
                if (await workingDays.IsWorkingDayAsync(hall.HallId, day, default))
                    db.AttendanceRecords.Add(new AttendanceRecord
                    {
                        Id = Guid.CreateVersion7(), HallId = hall.HallId, UserId = user.Id, Day = day, SignedInAt = clock.ToUtc(day, demo.OpensAt).AddMinutes(-30),
                        SignedOutAt = clock.ToUtc(day, demo.ClosesAt).AddMinutes(5),
                    });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> WorkingDaysAsync()
    {
        using var scope = hall.Services.CreateScope();
        var workingDays = scope.ServiceProvider.GetRequiredService<IWorkingDays>();
        var count = 0;
        for (var day = _month; day.Month == _month.Month; day = day.AddDays(1))
            if (await workingDays.IsWorkingDayAsync(hall.HallId, day, default))
                count++;
        return count;
    }

    [Fact]
    public async Task Supervisor_ReadsScores_DrillsDown_ChangesWeights_ClosesTheMonth()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "月度考核" }).ClickAsync();
        var assessment = new AssessmentPages(page);
        await assessment.WaitReportAsync();
        await Expect(assessment.Row("王晓明")).ToBeVisibleAsync();
        await Expect(assessment.Figure("王晓明", "TicketsServed")).ToHaveTextAsync("12 人次");
        await Expect(assessment.Figure("王晓明", "WaitsOverTarget")).ToHaveTextAsync("6 次");
        await Expect(assessment.Figure("李静", "WaitsOverTarget")).ToHaveTextAsync("0 次");
        // The formula is on the page beside the table.
        await Expect(page.GetByTestId("weights")).ToContainTextAsync("100 − 5 × 等候超过事项目标时长后才叫号的号票数");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        // The menu link left the focus ring on the heading.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await AssessmentPages.ScreenshotAsync(page, "assessment-zh.png");

        // A figure opens the records it is made of.
        await assessment.Figure("王晓明", "Satisfaction").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("record")).ToHaveCountAsync(12);
        await Expect(dialog).ToContainTextAsync("不满意 · 等候时间太长");
        await dialog.Locator(".mud-button-close").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The hall's own target of tickets served (1 a day attended): 王晓明 is measured against his working days, staff3 (no day
        // attended) has the indicator left out; emptied, the month's best is the measure again.
        var attended = await WorkingDaysAsync();
        await assessment.Target.FillAsync("1");
        await page.GetByTestId("weights-save").ClickAsync();
        await Expect(assessment.Figure("王晓明", "TicketsServed")).ToHaveTextAsync($"12 / 目标 {attended} 人次");
        await Expect(page.GetByTestId("weights")).ToContainTextAsync($"每出勤日目标 1 人次");
        await Expect(assessment.Row("张伟").Locator("td[data-indicator=TicketsServed]").GetByTestId("figure")).ToHaveTextAsync("—");
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await AssessmentPages.ScreenshotAsync(page, "assessment-target-zh.png");
        await assessment.Target.FillAsync("");
        await page.GetByTestId("weights-save").ClickAsync();
        await Expect(assessment.Figure("王晓明", "TicketsServed")).ToHaveTextAsync("12 人次");

        // A changed weight recomputes the open month: without tickets served 李静 (fewer served, no long waits) moves ahead.
        var before = await assessment.Total("李静").InnerTextAsync();
        await assessment.Weight("TicketsServed").FillAsync("0");
        await page.GetByTestId("weights-save").ClickAsync();
        await Expect(page.GetByTestId("weights-saved")).ToBeVisibleAsync();
        await Expect(assessment.Total("李静")).Not.ToHaveTextAsync(before);
        await Expect(assessment.Row("李静").GetByTestId("rank")).ToHaveTextAsync("1");

        await page.GetByTestId("close-month").ClickAsync();
        await page.GetByTestId("close-confirm").ClickAsync();
        await Expect(page.GetByTestId("month-status")).ToContainTextAsync("已关账");
        await Expect(page.GetByTestId("closed-at")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("adjusted-total").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
        await assessment.WaitReportAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monthly assessment", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("month-status")).ToContainTextAsync("Closed");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await AssessmentPages.ScreenshotAsync(page, "assessment-en.png");
    }

    [Fact]
    public async Task DepartmentReport_PrintsOnA4_WithHallMonthAndSignatures()
    {
        Guid department;
        using (var scope = hall.Services.CreateScope())
            department = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Departments
                .Where(d => d.HallId == hall.HallId && d.Name == "市场监管").Select(d => d.Id).SingleAsync();
        // A4 portrait at 96 dpi, as the print dialog lays it out.
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(794, 1123), "supervisor", "/dashboard");
        await page.GotoAsync($"/supervision/assessment/report?hallId={hall.HallId}&year={_month.Year}&month={_month.Month}&departmentId={department}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var title = $"{_month.Year}年{_month.Month}月月度考核表";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(SeedDemoHall.DemoHallName);
        await Expect(page.Locator("main")).ToContainTextAsync("市场监管");
        await Expect(page.Locator("main")).ToContainTextAsync("1号窗口");
        await Expect(page.Locator(".signature")).ToContainTextAsync("部门负责人");
        await Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);
        await AssessmentPages.ScreenshotAsync(page, "assessment-report-zh.png");
    }

    [Fact]
    public async Task PublishedRanking_SaysNotYetUntilPublished_ThenListsTheRanking()
    {
        // The month before the scripted one: its own close and publication leave the other tests' month open.
        var month = _month.AddMonths(-1);
        var url = $"/assessment/ranking/{hall.HallId}/{month.Year}/{month.Month}";
        var title = $"{month.Year}年{month.Month}月考核排名公示";
        var page = await hall.NewPageAsync(1366, 768);
        var early = await page.GotoAsync(url);
        Assert.Equal(404, early!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(SeedDemoHall.DemoHallName);
        await Expect(page.Locator("main")).ToContainTextAsync("本期考核排名尚未公示，公示后可在此页查看。");
        await Expect(page.Locator("table")).ToHaveCountAsync(0);
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);
        await AssessmentPages.ScreenshotAsync(page, "assessment-ranking-unpublished-zh.png");

        var english = await page.GotoAsync($"{url}?lang=en");
        Assert.Equal(404, english!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("has not been published yet");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await AssessmentPages.ScreenshotAsync(page, "assessment-ranking-unpublished-en.png");

        using var supervisor = await hall.SignedInAsync("supervisor");
        var api = $"/api/halls/{hall.HallId}/assessment/months/{month.Year}/{month.Month}";
        (await supervisor.PostAsync($"{api}/close", null)).EnsureSuccessStatusCode();
        (await supervisor.PostAsJsonAsync($"{api}/publication", new { published = true })).EnsureSuccessStatusCode();

        var published = await page.GotoAsync(url);
        Assert.Equal(200, published!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("尚未公示");
        await Expect(page.Locator("table")).ToContainTextAsync("王晓明");
        await Expect(page.Locator("table")).ToContainTextAsync("1001");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);
        await AssessmentPages.ScreenshotAsync(page, "assessment-ranking-zh.png");
    }

    [Fact]
    public async Task StaffMember_SeesTheirOwnScoreAndItsRecords()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "staff1", "/counter");
        await page.GotoAsync($"/assessment/mine?year={_month.Year}&month={_month.Month}");
        var mine = new AssessmentPages(page);
        await mine.WaitMineAsync();
        await Expect(page.GetByTestId("my-total")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=my-indicator][data-indicator=TicketsServed]")).ToContainTextAsync("12 人次");
        await page.Locator("[data-testid=my-indicator][data-indicator=WaitsOverTarget]").GetByTestId("my-figure").ClickAsync();
        await Expect(page.GetByTestId("my-records").GetByTestId("record")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("my-records")).ToContainTextAsync("等候 14 分钟，目标 10 分钟");
        // Nobody else's name is on the page.
        await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync("李静");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await AssessmentPages.ScreenshotAsync(page, "assessment-mine-zh.png");
    }

    [Fact]
    public async Task Supervisor_ClosesAComplaintAsUpheld_OnItsPage()
    {
        using var citizen = hall.Http();
        var receipt = await (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/complaints/online",
            new { title = "窗口态度生硬", content = "1号窗口工作人员不耐烦。", anonymous = true, subject = "hall" })).Content.ReadFromJsonAsync<JsonObject>();
        using var supervisor = await hall.SignedInAsync("supervisor");
        var id = (await supervisor.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/complaints"))!
            .First(c => c!["number"]!.GetValue<string>() == receipt!["number"]!.GetValue<string>())!["id"]!.GetValue<string>();
        Guid staffId;
        using (var scope = hall.Services.CreateScope())
            staffId = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Users.Where(u => u.UserName == "staff1").Select(u => u.Id).SingleAsync();
        using var staff = await hall.SignedInAsync("staff1");
        (await supervisor.PostAsJsonAsync($"/api/complaints/{id}/assign", new { assigneeUserId = staffId })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/investigate", new { })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/reply", new { finding = "属实", reply = "已批评教育。" })).EnsureSuccessStatusCode();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GotoAsync($"/supervision/complaints/{id}");
        await page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.GetByTestId("complaint-upheld").GetByText("成立", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "归档", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("complaint-upheld-result")).ToHaveTextAsync("成立");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        using var check = hall.Services.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<HallDbContext>().Complaints.Where(c => c.Id == Guid.Parse(id)).Select(c => c.Upheld == true).SingleAsync());
    }
}
