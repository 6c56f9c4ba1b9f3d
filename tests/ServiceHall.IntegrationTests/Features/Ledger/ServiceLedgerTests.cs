using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Features.Cases;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;

namespace ServiceHall.IntegrationTests.Features.Ledger;

/// <summary>
/// 服务日志基础台帐 (S6) from a scripted day at two counters: every figure of each line as the day made it, the
/// filters, a staff member's own view, another hall's refusal, and the export in Chinese and English.
/// </summary>
public abstract class ServiceLedgerTests(HallApp app)
{
    public sealed record ItemRow(DateOnly PeriodStart, Guid? CounterId, string? CounterName, Guid? StaffUserId, string? StaffName,
        Guid ServiceItemId, string ServiceItemName, int Served, int NoShows, int TransfersOut, int TransfersIn, int Expired,
        double? AverageWaitMinutes, double? LongestWaitMinutes, double? AverageServiceMinutes, double? LongestServiceMinutes,
        int CasesRegistered, int CasesAccepted, int CasesRefused, int NoticesIssued,
        int VerySatisfied, int Satisfied, int BasicallySatisfied, int Dissatisfied, int VeryDissatisfied);

    public sealed record Pause(string Category, int Count, double Minutes);

    public sealed record StaffRow(DateOnly PeriodStart, Guid StaffUserId, string? StaffName, int InquiriesRecorded, int InquiriesAnswered,
        int Pauses, double PauseMinutes, List<Pause> PausesByCategory);

    public sealed record SummaryRow(DateOnly Day, Guid StaffUserId, string? StaffName, string Text);

    public sealed record Ledger(DateOnly From, DateOnly To, string Period, bool OnlyOwn, List<ItemRow> Items, List<StaffRow> Staff,
        List<SummaryRow> Summaries);

    /// <summary>What the scripted day left: the hall, its day, and who worked where.</summary>
    public sealed record Day(CaseFlowTests.Served Served, DateOnly Date, Guid Staff0, Guid Staff1, Guid ItemA, Guid ItemB)
    {
        public TestHall Hall => Served.Hall;
    }

    /// <summary>
    /// staff[0] at counter 1: A001 served in 6 minutes after no wait, with a case registered and a one-time notice, rated
    /// 非常满意; A002 a no-show after 3 minutes; B001 (a minute later) transferred to item A after 3 minutes; an inquiry answered on the spot;
    /// a 10-minute meeting pause; a day summary with a mobile number. staff[1] at counter 2 takes the transferred ticket
    /// and serves it in 5 minutes. A003 is never called and expires when the day ends.
    /// </summary>
    private async Task<Day> ScriptedDayAsync()
    {
        var s = await CaseFlowTests.ServeAsync(app);
        var date = app.Today;
        var hall = s.Hall;
        var counter0 = hall.Counters[0];
        var kiosk = app.Api(hall.Kiosk);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var caseId = (await CaseFlowTests.RegisterAsync(s, s.Materials[0]))["id"]!.GetValue<Guid>();
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/one-time-notice", new { nextSteps = "请补充身份证后再来。" });
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Staff.ActAsync(counter0, s.Ticket.Id, "finish");
        await app.Api().PostOkAsync<JsonObject>(await Supervision.SupervisionFlows.RatingUrlAsync(app, s.Ticket.Id), new { level = "verySatisfied" });

        var a002 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var b001 = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(a002.Id, (await s.Staff.CallNextAsync(counter0))!.Id);
        await s.Staff.ActAsync(counter0, a002.Id, "no-show");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(b001.Id, (await s.Staff.CallNextAsync(counter0))!.Id);
        var transferred = await s.Staff.ActAsync(counter0, b001.Id, "transfer", new { toServiceItemId = hall.Item("A"), reason = "属于A事项" });

        await s.Staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "社保转移需要什么材料？", channel = "onSite", answer = "身份证和参保证明。" });
        await s.Staff.PostOkAsync<JsonObject>($"/api/counters/{counter0}/pause", new { reason = "科室例会", category = "meeting" });
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await s.Staff.PostOkAsync<JsonObject>($"/api/counters/{counter0}/resume");
        await s.Staff.PutOkAsync<JsonObject>("/api/ledger/day-summary", new { text = "上午办理社保登记，回访电话 13812345678 已记录。" });

        var staff1 = app.Api(hall.Staff[1]);
        await staff1.OpenAsync(hall.Counters[1]);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(transferred.Id, (await staff1.CallNextAsync(hall.Counters[1]))!.Id);
        await staff1.ActAsync(hall.Counters[1], transferred.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff1.ActAsync(hall.Counters[1], transferred.Id, "finish");

        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        // The next morning the day's scan ends the day: A003, never called, expires (Q7).
        app.Clock.Advance(TimeSpan.FromDays(1));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<EndBusinessDay>().HandleAsync(hall.Id, CancellationToken.None);

        return new Day(s, date, await TestHall.UserIdAsync(app, hall.Staff[0]), await TestHall.UserIdAsync(app, hall.Staff[1]),
            hall.Item("A"), hall.Item("B"));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private Task<Ledger> LedgerAsync(Day d, string user, string query = "") =>
        app.Api(user).GetOkAsync<Ledger>($"/api/halls/{d.Hall.Id}/ledger?from={Iso(d.Date)}&to={Iso(d.Date)}{query}");

    [Fact]
    public async Task ScriptedDay_EachLineHoldsExactlyWhatHappened()
    {
        var d = await ScriptedDayAsync();
        var ledger = await LedgerAsync(d, d.Hall.Supervisor);

        Assert.False(ledger.OnlyOwn);
        Assert.Equal(4, ledger.Items.Count);
        var a = Assert.Single(ledger.Items, r => r.CounterId == d.Hall.Counters[0] && r.ServiceItemId == d.ItemA);
        Assert.Equal((d.Staff0, d.Hall.Staff[0], "1号窗口", d.Date), (a.StaffUserId!.Value, a.StaffName, a.CounterName, a.PeriodStart));
        Assert.Equal((1, 1, 0, 0, 0), (a.Served, a.NoShows, a.TransfersOut, a.TransfersIn, a.Expired));
        Assert.Equal((1.5, 3.0, 6.0, 6.0), (a.AverageWaitMinutes, a.LongestWaitMinutes, a.AverageServiceMinutes, a.LongestServiceMinutes));
        Assert.Equal((1, 0, 0, 1), (a.CasesRegistered, a.CasesAccepted, a.CasesRefused, a.NoticesIssued));
        Assert.Equal((1, 0, 0, 0, 0), (a.VerySatisfied, a.Satisfied, a.BasicallySatisfied, a.Dissatisfied, a.VeryDissatisfied));

        var b = Assert.Single(ledger.Items, r => r.CounterId == d.Hall.Counters[0] && r.ServiceItemId == d.ItemB);
        Assert.Equal((0, 0, 1, 0, 0), (b.Served, b.NoShows, b.TransfersOut, b.TransfersIn, b.Expired));
        Assert.Equal((3.0, 3.0, null, null), (b.AverageWaitMinutes, b.LongestWaitMinutes, b.AverageServiceMinutes, b.LongestServiceMinutes));

        // The transferred ticket's wait was counted once, at the first counter; its service at the second.
        var moved = Assert.Single(ledger.Items, r => r.CounterId == d.Hall.Counters[1]);
        Assert.Equal((d.Staff1, d.ItemA), (moved.StaffUserId!.Value, moved.ServiceItemId));
        Assert.Equal((1, 0, 0, 1, 0), (moved.Served, moved.NoShows, moved.TransfersOut, moved.TransfersIn, moved.Expired));
        Assert.Equal((null, null, 5.0, 5.0), (moved.AverageWaitMinutes, moved.LongestWaitMinutes, moved.AverageServiceMinutes, moved.LongestServiceMinutes));

        var expired = Assert.Single(ledger.Items, r => r.CounterId is null);
        Assert.Equal((null, d.ItemA, 1, 0), (expired.StaffUserId, expired.ServiceItemId, expired.Expired, expired.Served));

        var staff = Assert.Single(ledger.Staff);
        Assert.Equal((d.Staff0, 1, 1, 1, 10.0), (staff.StaffUserId, staff.InquiriesRecorded, staff.InquiriesAnswered, staff.Pauses, staff.PauseMinutes));
        Assert.Equal(new Pause("meeting", 1, 10.0), Assert.Single(staff.PausesByCategory));

        // Free text keeps to the privacy rule: the mobile number is stored and shown masked.
        var summary = Assert.Single(ledger.Summaries);
        Assert.Equal((d.Date, d.Staff0), (summary.Day, summary.StaffUserId));
        Assert.Contains("138****5678", summary.Text);
        Assert.DoesNotContain("13812345678", summary.Text);
    }

    [Fact]
    public async Task Filters_PeriodsAndOwnView_KeepToTheirLines()
    {
        var d = await ScriptedDayAsync();
        var supervisor = d.Hall.Supervisor;
        var department = await app.WithDbAsync(db => db.ServiceItems.Where(i => i.Id == d.ItemA).Select(i => i.DepartmentId).FirstAsync());

        var atCounter2 = await LedgerAsync(d, supervisor, $"&counterId={d.Hall.Counters[1]}");
        Assert.Equal(d.Staff1, Assert.Single(atCounter2.Items).StaffUserId);
        // The people's table keeps to the people of the counter: staff[1] paused nothing and recorded no inquiry.
        Assert.Empty(atCounter2.Staff);
        Assert.Empty(atCounter2.Summaries);
        Assert.Equal(d.ItemB, Assert.Single((await LedgerAsync(d, supervisor, $"&serviceItemId={d.ItemB}")).Items).ServiceItemId);
        var ofStaff0 = await LedgerAsync(d, supervisor, $"&staffUserId={d.Staff0}");
        Assert.Equal(2, ofStaff0.Items.Count);
        Assert.Single(ofStaff0.Summaries);
        Assert.Equal(4, (await LedgerAsync(d, supervisor, $"&departmentId={department}")).Items.Count);
        Assert.Empty((await LedgerAsync(d, supervisor, $"&departmentId={Guid.NewGuid()}")).Items);

        // A week and a month fold the day into one line per counter, person and item, from the period's first day.
        var week = await app.Api(supervisor).GetOkAsync<Ledger>($"/api/halls/{d.Hall.Id}/ledger?from={Iso(d.Date)}&period=week");
        var monday = d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7));
        Assert.Equal((d.Date, monday.AddDays(6), "week"), (week.From, week.To, week.Period));
        Assert.Equal(4, week.Items.Count);
        Assert.All(week.Items, r => Assert.Equal(monday, r.PeriodStart));
        var month = await app.Api(supervisor).GetOkAsync<Ledger>($"/api/halls/{d.Hall.Id}/ledger?from={Iso(d.Date)}&period=month");
        Assert.Equal(new DateOnly(d.Date.Year, d.Date.Month, 1), Assert.Single(month.Items, r => r.CounterId == d.Hall.Counters[1]).PeriodStart);

        // A staff member reads only their own lines, whatever they ask for.
        var own = await LedgerAsync(d, d.Hall.Staff[1], $"&staffUserId={d.Staff0}");
        Assert.True(own.OnlyOwn);
        Assert.Equal(d.Staff1, Assert.Single(own.Items).StaffUserId);
        Assert.Empty(own.Summaries);
        var mine = await LedgerAsync(d, d.Hall.Staff[0]);
        Assert.All(mine.Items, r => Assert.Equal(d.Staff0, r.StaffUserId));
        Assert.Equal(2, mine.Items.Count);
        Assert.Single(mine.Summaries);
    }

    [Fact]
    public async Task OtherHallAndBadInput_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var url = $"/api/halls/{hall.Id}/ledger";
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync(url), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"{url}/export"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await app.Api(other.Staff[0]).GetAsync(url), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Kiosk).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(url)).StatusCode);

        var supervisor = app.Api(hall.Supervisor);
        var backwards = await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?from=2026-11-10&to=2026-11-01"), HttpStatusCode.BadRequest, "DateOutOfRange");
        Assert.Contains("结束日期", backwards["detail"]!.GetValue<string>());
        var english = await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?from=2025-01-01&to=2026-11-01", "en"), HttpStatusCode.BadRequest, "DateOutOfRange");
        Assert.Contains("2026-01-01", english["detail"]!.GetValue<string>());
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?period=year"), HttpStatusCode.BadRequest, "BadRequest");
        // Nothing was written: the export refuses before its first byte.
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}/export?period=year"), HttpStatusCode.BadRequest, "BadRequest");

        var staff = app.Api(hall.Staff[0]);
        await Expect.ProblemAsync(await staff.PutAsync("/api/ledger/day-summary", new { text = "  " }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PutAsync("/api/ledger/day-summary", new { text = new string('好', 2001) }), HttpStatusCode.BadRequest, "TooLong");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.GetAsync("/api/ledger/day-summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Kiosk).PutAsync("/api/ledger/day-summary", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task DaySummary_EditableThatDay_NextDayIsAnother()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var first = await staff.PutOkAsync<JsonObject>("/api/ledger/day-summary", new { text = "上午：社保登记 12 件。" });
        var changed = await staff.PutOkAsync<JsonObject>("/api/ledger/day-summary", new { text = "全天：社保登记 20 件，咨询 5 次。" });
        Assert.Equal(first["id"]!.GetValue<Guid>(), changed["id"]!.GetValue<Guid>());
        Assert.NotNull(changed["updatedAt"]);
        Assert.Equal("全天：社保登记 20 件，咨询 5 次。", (await staff.GetOkAsync<JsonObject>("/api/ledger/day-summary"))["text"]!.GetValue<string>());

        var day = app.Today;
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.GetAsync("/api/ledger/day-summary")).StatusCode);
        var next = await staff.PutOkAsync<JsonObject>("/api/ledger/day-summary", new { text = "次日小结。" });
        Assert.NotEqual(first["id"]!.GetValue<Guid>(), next["id"]!.GetValue<Guid>());
        var ledger = await app.Api(hall.Supervisor).GetOkAsync<Ledger>($"/api/halls/{hall.Id}/ledger?from={Iso(day)}&to={Iso(app.Today)}");
        Assert.Equal(["全天：社保登记 20 件，咨询 5 次。", "次日小结。"], ledger.Summaries.Select(s => s.Text));
    }

    [Fact]
    public async Task Export_EveryTableAsASheet_InTheRequestsLanguage()
    {
        var d = await ScriptedDayAsync();
        var url = $"/api/halls/{d.Hall.Id}/ledger/export?from={Iso(d.Date)}&to={Iso(d.Date)}";
        var response = await app.Api(d.Hall.Supervisor).GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal(XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"服务台账 {Iso(d.Date)}_{Iso(d.Date)}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var file = await XlsxReader.ReadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["按事项", "咨询与暂停", "工作小结"], file.Sheets.Select(s => s.Name));

        var items = file.Sheet("按事项");
        Assert.Equal(["日期（周期起始）", "窗口", "工作人员", "工号", "部门", "事项", "办理", "过号", "转出", "转入", "未办理"], items.Headers().Take(11));
        Assert.Equal(5, items.RowCount);
        var row = Enumerable.Range(2, 4).Single(r => items.Text(r, 1 + 1) == "1号窗口" && items.Text(r, 6) == "事项 A");
        Assert.Equal(d.Date.ToDateTime(TimeOnly.MinValue), items.Date(row, 1));
        Assert.Equal(d.Hall.Staff[0], items.Text(row, 3));
        Assert.Equal(1, items.Number(row, items.Column("办理")));
        Assert.Equal(1, items.Number(row, items.Column("过号")));
        Assert.Equal(1.5, items.Number(row, items.Column("平均等候（分钟）")));
        Assert.Equal(6.0, items.Number(row, items.Column("最长办理（分钟）")));
        Assert.Equal(1, items.Number(row, items.Column("一次性告知")));
        Assert.Equal(1, items.Number(row, items.Column("非常满意")));
        var expiredRow = Enumerable.Range(2, 4).Single(r => items.Text(r, 2) == "（无）");
        Assert.Equal(1, items.Number(expiredRow, items.Column("未办理")));

        var staff = file.Sheet("咨询与暂停");
        Assert.Equal(10.0, staff.Number(2, staff.Column("会议（分钟）")));
        Assert.Equal(1, staff.Number(2, staff.Column("咨询登记")));
        var summaries = file.Sheet("工作小结");
        Assert.Contains("138****5678", summaries.Text(2, summaries.Column("工作小结")));
        Assert.Equal("填写时间（大厅当地时间）", summaries.Text(1, 5));

        var english = await app.Api(d.Hall.Supervisor).GetAsync(url, "en");
        Assert.Equal($"service-ledger {Iso(d.Date)}_{Iso(d.Date)}.xlsx", english.Content.Headers.ContentDisposition?.FileNameStar);
        var en = await XlsxReader.ReadAsync(await english.Content.ReadAsStreamAsync());
        Assert.Equal(["By item", "Inquiries and pauses", "Day summaries"], en.Sheets.Select(s => s.Name));
        Assert.Equal(["Date (period start)", "Counter", "Staff member"], en.Sheet(1).Headers().Take(3));
        Assert.Equal(1, en.Sheet(1).Number(row, en.Sheet(1).Column("No-shows")));
        Assert.Equal("(none)", en.Sheet(1).Text(expiredRow, 2));

        // A staff member's export holds their own lines only.
        var own = await XlsxReader.ReadAsync(await (await app.Api(d.Hall.Staff[1]).GetAsync(url)).Content.ReadAsStreamAsync());
        Assert.Equal(2, own.Sheet(1).RowCount);
        Assert.Equal(d.Hall.Staff[1], own.Sheet(1).Text(2, 3));
    }

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

public sealed class SqliteServiceLedgerTests(SqliteHallApp app) : ServiceLedgerTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresServiceLedgerTests(PostgresHallApp app) : ServiceLedgerTests(app), IClassFixture<PostgresHallApp>;
