using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Assessment.AssessmentMonth;

namespace ServiceHall.IntegrationTests.Features.Assessment;

public abstract class AssessmentTests(HallApp app)
{
    private static string Url(AssessmentMonth m, string rest = "") => $"/api/halls/{m.Hall.Id}/assessment{rest}";

    private static JsonObject Row(JsonObject report, Guid unit) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["unitId"]!.GetValue<Guid>() == unit);

    private static (double? Figure, double Points, int Weight) Figure(JsonObject row, string indicator)
    {
        var f = row["figures"]!.AsArray().Single(x => x.Str("indicator") == indicator)!;
        return (f["figure"]?.GetValue<double>(), f["points"]!.GetValue<double>(), f["weight"]!.GetValue<int>());
    }

    private static double Num(JsonObject row, string name) => row[name]!.GetValue<double>();

    [Fact]
    public async Task ScriptedMonth_GivesEachFigureAndScoreExactly_RecordsBehindThem()
    {
        var m = await CreateAsync(app);
        var supervisor = app.Api(m.Hall.Supervisor);
        var report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        Assert.False(report["closed"]!.GetValue<bool>());
        var one = Row(report, m.Staff1);
        Assert.Equal((4.0, 100.0, 20), Figure(one, "ticketsServed"));
        Assert.Equal((125.0, 75.0, 10), Figure(one, "serviceTime"));
        Assert.Equal((2.0, 90.0, 10), Figure(one, "waitsOverTarget"));
        Assert.Equal((66.7, 66.7, 20), Figure(one, "satisfaction"));
        Assert.Equal((1.0, 80.0, 10), Figure(one, "complaintsUpheld"));
        Assert.Equal((1.0, 90.0, 5), Figure(one, "conductFindings"));
        Assert.Equal((2.0, 96.0, 5), Figure(one, "late"));
        Assert.Equal((1.0, 98.0, 5), Figure(one, "earlyLeave"));
        Assert.Equal((1.0, 90.0, 5), Figure(one, "absence"));
        Assert.Equal((1.0, 95.0, 5), Figure(one, "yellowCards"));
        Assert.Equal((0.0, 100.0, 5), Figure(one, "redCards"));
        Assert.Equal(86.3, Num(one, "total"));
        var two = Row(report, m.Staff2);
        Assert.Equal((2.0, 50.0, 20), Figure(two, "ticketsServed"));
        Assert.Equal((100.0, 100.0, 20), Figure(two, "satisfaction"));
        Assert.Equal((1.0, 85.0, 5), Figure(two, "redCards"));
        Assert.Equal((0.0, 100.0, 5), Figure(two, "absence"));
        Assert.Equal((89.3, 1), (Num(two, "total"), two["rank"]!.GetValue<int>()));
        Assert.Equal(2, one["rank"]!.GetValue<int>());

        // A manual item (+5 training) moves staff 1 ahead; it is listed with who recorded it.
        await supervisor.PostOkAsync<JsonObject>(Url(m, "/manual-items"),
            new { scope = "staff", unitId = m.Staff1, kind = "training", points = 5, reason = "业务培训考试满分", day = "2026-10-20" });
        report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        one = Row(report, m.Staff1);
        Assert.Equal((86.3, 5.0, 91.3, 1), (Num(one, "indicatorScore"), Num(one, "manualPoints"), Num(one, "total"), one["rank"]!.GetValue<int>()));
        var manual = Assert.Single(report["manualItems"]!.AsArray())!;
        Assert.Equal(("training", "业务培训考试满分", m.Hall.Supervisor), (manual.Str("kind"), manual.Str("reason"), manual.Str("recordedBy")));

        // Counters are scored without attendance: weights 85 in all.
        var counters = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=counter"));
        var c1 = Row(counters, m.Hall.Counters[0]);
        Assert.False(c1["figures"]!.AsArray().Single(f => f.Str("indicator") == "late")!["applies"]!.GetValue<bool>());
        Assert.Equal(84.8, Num(c1, "total"));
        Assert.Equal(87.4, Num(Row(counters, m.Hall.Counters[1]), "total"));
        var department = Row(await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=department")), m.Department);
        Assert.Equal((6.0, 100.0, 20), Figure(department, "ticketsServed"));
        Assert.Equal((75.0, 75.0, 20), Figure(department, "satisfaction"));

        // Every figure drills down to its records.
        async Task<JsonArray> RecordsAsync(string indicator, Guid unit, string scope = "staff") =>
            await supervisor.GetOkAsync<JsonArray>(Url(m, $"/records?{Query}&scope={scope}&unitId={unit}&indicator={indicator}"));
        Assert.Equal(m.LongWaits, (await RecordsAsync("waitsOverTarget", m.Staff1)).Select(r => r.Str("reference")));
        Assert.Equal(["verySatisfied", "satisfied", "dissatisfied"], (await RecordsAsync("satisfaction", m.Staff1)).Select(r => r.Str("detail")));
        Assert.Equal("办事态度差", Assert.Single(await RecordsAsync("complaintsUpheld", m.Staff1))!.Str("text"));
        Assert.Equal([m.Working[0], m.Working[1]], (await RecordsAsync("late", m.Staff1)).Select(r => DateOnly.Parse(r.Str("day"))));
        Assert.Equal(15, (await RecordsAsync("late", m.Staff1))[0]!["value"]!.GetValue<double>());
        Assert.Equal(m.Working[3], DateOnly.Parse(Assert.Single(await RecordsAsync("absence", m.Staff1))!.Str("day")));
        Assert.Equal("Q5", Assert.Single(await RecordsAsync("redCards", m.Hall.Counters[1], "counter"))!.Str("reference"));
        Assert.Equal(4, (await RecordsAsync("serviceTime", m.Hall.Counters[0], "counter")).Count);
    }

    [Fact]
    public async Task ChangedWeight_RecomputesTheOpenMonth_Audited_Validated()
    {
        var m = await CreateAsync(app);
        var supervisor = app.Api(m.Hall.Supervisor);
        var weights = await supervisor.PutOkAsync<JsonArray>(Url(m, "/weights"), new { weights = new[] { new { indicator = "ticketsServed", weight = 0 } } });
        Assert.Equal((0, true), (weights[0]!["weight"]!.GetValue<int>(), weights[0]!["custom"]!.GetValue<bool>()));

        var report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        // Without tickets served the other 80 weights decide: staff 1 (8629 − 2000) / 80, staff 2 (8925 − 1000) / 80.
        Assert.Equal(82.9, Num(Row(report, m.Staff1), "total"));
        Assert.Equal(99.1, Num(Row(report, m.Staff2), "total"));
        var audit = await app.WithDbAsync(db => db.AssessmentEvents.Where(e => e.HallId == m.Hall.Id).SingleAsync());
        Assert.Equal((AssessmentAction.WeightsChanged, "TicketsServed 20→0"), (audit.Action, audit.Detail));
        Assert.Equal(await TestHall.UserIdAsync(app, m.Hall.Supervisor), audit.UserId);

        await Expect.ProblemAsync(await supervisor.PutAsync(Url(m, "/weights"), new { weights = new[] { new { indicator = "late", weight = 101 } } }),
            HttpStatusCode.BadRequest, "OutOfRange");
        var none = Enum.GetValues<AssessmentIndicator>().Select(i => new { indicator = i.ToString(), weight = 0 }).ToArray();
        await Expect.ProblemAsync(await supervisor.PutAsync(Url(m, "/weights"), new { weights = none }), HttpStatusCode.BadRequest, "AssessmentNoWeight");
        Assert.Equal(0, (await supervisor.GetOkAsync<JsonArray>(Url(m, "/weights")))[0]!["weight"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClosedMonth_StaysFrozen_WhenALateRatingArrives_AdjustmentShownBeside_RankingPublished()
    {
        var m = await CreateAsync(app);
        var supervisor = app.Api(m.Hall.Supervisor);
        var today = app.Today;
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, $"/months/{today.Year}/{today.Month}/close")), HttpStatusCode.BadRequest,
            "AssessmentMonthNotOver");
        var future = today.AddMonths(2);
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, $"/months/{future.Year}/{future.Month}/close")), HttpStatusCode.BadRequest,
            "AssessmentMonthNotOver");
        await Expect.ProblemAsync(await app.Api(m.Hall.Staff[0]).PostAsync(Url(m, "/months/2026/10/close")), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/months/2026/10/adjustments"),
            new { scope = "staff", unitId = m.Staff2, points = -3, reason = "补录差评" }), HttpStatusCode.Conflict, "AssessmentMonthOpen");
        await Expect.ProblemAsync(await app.Api().GetAsync($"/api/halls/{m.Hall.Id}/assessment-ranking?{Query}"), HttpStatusCode.NotFound,
            "AssessmentNotPublished");
        // The posted page itself says, in the page's language, that the ranking is not published yet (not an API error).
        var early = await app.Api().GetAsync($"/assessment/ranking/{m.Hall.Id}/2026/10", "zh-CN");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal("text/html", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026年10月考核排名公示", await early.Content.ReadAsStringAsync());
        Assert.Contains("尚未公示", await early.Content.ReadAsStringAsync());
        var earlyEn = await app.Api().GetAsync($"/assessment/ranking/{m.Hall.Id}/2026/10?lang=en");
        Assert.Contains("has not been published yet", await earlyEn.Content.ReadAsStringAsync());

        var closed = await supervisor.PostOkAsync<JsonObject>(Url(m, "/months/2026/10/close"));
        Assert.True(closed["closed"]!.GetValue<bool>());
        Assert.Equal(m.Hall.Supervisor, closed.Str("closedBy"));
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/months/2026/10/close")), HttpStatusCode.Conflict, "AssessmentMonthClosed");

        // A rating given now for a service of October, a changed weight and a manual item do not move the frozen month.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == m.UnratedTicket);
            db.Ratings.Add(new Rating
            {
                Id = Guid.CreateVersion7(), HallId = m.Hall.Id, TicketId = ticket.Id, TicketNumber = ticket.Number, CounterId = ticket.CounterId,
                StaffUserId = m.Staff2, ServiceItemId = ticket.ServiceItemId, DepartmentId = m.Department, Level = SatisfactionLevel.VeryDissatisfied,
                IsBad = true, ServedAt = ticket.FinishedAt!.Value, BusinessDay = ticket.BusinessDay, RatedAt = app.Clock.GetUtcNow().UtcDateTime, Channel = RatingChannel.Phone,
            });
            await db.SaveChangesAsync();
        });
        await supervisor.PutOkAsync<JsonArray>(Url(m, "/weights"), new { weights = new[] { new { indicator = "ticketsServed", weight = 0 } } });
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/manual-items"),
            new { scope = "staff", unitId = m.Staff1, kind = "commendation", points = 3, reason = "锦旗", day = "2026-10-21" }), HttpStatusCode.Conflict,
            "AssessmentMonthClosed");

        var report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        var two = Row(report, m.Staff2);
        Assert.Equal((100.0, 100.0, 20), Figure(two, "satisfaction"));
        Assert.Equal((89.3, 1), (Num(two, "total"), two["rank"]!.GetValue<int>()));
        Assert.Equal(20, report["weights"]![0]!["weight"]!.GetValue<int>());
        Assert.Single(await supervisor.GetOkAsync<JsonArray>(Url(m, $"/records?{Query}&scope=staff&unitId={m.Staff2}&indicator=satisfaction")));

        // The correction is an adjustment beside the frozen total.
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/months/2026/10/adjustments"), new { scope = "staff", unitId = m.Staff2, points = -3 }),
            HttpStatusCode.BadRequest, "Required");
        await supervisor.PostOkAsync<JsonObject>(Url(m, "/months/2026/10/adjustments"),
            new { scope = "staff", unitId = m.Staff2, points = -3, reason = "10月差评补录" });
        report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        two = Row(report, m.Staff2);
        Assert.Equal((89.3, -3.0, 86.3), (Num(two, "total"), Num(two, "adjustmentPoints"), Num(two, "adjustedTotal")));
        var adjustment = Assert.Single(report["adjustments"]!.AsArray())!;
        Assert.Equal(("10月差评补录", m.Hall.Supervisor, -3.0), (adjustment.Str("reason"), adjustment.Str("recordedBy"), adjustment["points"]!.GetValue<double>()));

        // Published (公示): names, badge numbers and totals only, for anyone.
        await supervisor.PostOkAsync<JsonObject>(Url(m, "/months/2026/10/publication"), new { published = true });
        var ranking = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{m.Hall.Id}/assessment-ranking?{Query}&scope=staff");
        var rows = ranking["rows"]!.AsArray();
        Assert.Equal([(1, m.Hall.Staff[0], "9001", 86.3), (1, m.Hall.Staff[1], "9002", 86.3)],
            rows.Select(r => (r!["rank"]!.GetValue<int>(), r.Str("name"), r.Str("badgeNumber"), r["total"]!.GetValue<double>())));
        Assert.Equal(["rank", "name", "badgeNumber", "total"], rows[0]!.AsObject().Select(p => p.Key));
        var notice = await app.Api().GetAsync($"/assessment/ranking/{m.Hall.Id}/2026/10", "zh-CN");
        await Expect.StatusAsync(notice, HttpStatusCode.OK);
        var html = await notice.Content.ReadAsStringAsync();
        Assert.Contains("2026年10月考核排名公示", html);
        Assert.Contains(m.Hall.Staff[1], html);
        Assert.Contains("86.3", html);
        Assert.DoesNotContain("好评率", html);
        var actions = await app.WithDbAsync(db => db.AssessmentEvents.Where(e => e.HallId == m.Hall.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AssessmentAction.MonthClosed, AssessmentAction.WeightsChanged, AssessmentAction.AdjustmentRecorded, AssessmentAction.RankingPublished],
            actions);
    }

    [Fact]
    public async Task ManualItem_NeedsAReason_InTheRequestsLanguage_RemovedOnlyWithAReason()
    {
        var m = await CreateAsync(app);
        var supervisor = app.Api(m.Hall.Supervisor);
        var item = new { scope = "staff", unitId = m.Staff1, kind = "appearance", points = -2, day = "2026-10-09" };
        var zh = await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/manual-items"), item, "zh-CN"), HttpStatusCode.BadRequest, "Required");
        Assert.Contains("必填", zh.Str("detail"));
        var en = await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/manual-items"), item, "en"), HttpStatusCode.BadRequest, "Required");
        Assert.Contains("is required", en.Str("detail"));
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/manual-items"), new { item.scope, item.unitId, item.kind, points = 25, reason = "r",
            item.day }), HttpStatusCode.BadRequest, "OutOfRange");
        var other = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, "/manual-items"), new { scope = "counter", unitId = other.Counters[0], item.kind,
            item.points, reason = "工牌未佩戴", item.day }), HttpStatusCode.BadRequest, "AssessmentUnitNotFound");
        Assert.Equal(0, await app.WithDbAsync(db => db.AssessmentManualItems.CountAsync(i => i.HallId == m.Hall.Id)));

        var recorded = await supervisor.PostOkAsync<JsonObject>(Url(m, "/manual-items"), new { item.scope, item.unitId, item.kind, item.points,
            reason = "工牌未佩戴", item.day });
        var id = recorded.Str("id");
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, $"/manual-items/{id}/remove"), new { reason = " " }), HttpStatusCode.BadRequest, "Required");
        var removed = await supervisor.PostOkAsync<JsonObject>(Url(m, $"/manual-items/{id}/remove"), new { reason = "已补戴，误记" });
        Assert.Equal("已补戴，误记", removed.Str("removalReason"));
        await Expect.ProblemAsync(await supervisor.PostAsync(Url(m, $"/manual-items/{id}/remove"), new { reason = "再撤" }), HttpStatusCode.Conflict,
            "AssessmentManualItemRemoved");
        var report = await supervisor.GetOkAsync<JsonObject>(Url(m, $"?{Query}&scope=staff"));
        Assert.Equal(0, Num(Row(report, m.Staff1), "manualPoints"));
        Assert.NotNull(Assert.Single(report["manualItems"]!.AsArray())!["removedAt"]);
    }

    [Fact]
    public async Task OtherHallsSupervisor_Refused_StaffSeesOnlyTheirOwn()
    {
        var m = await CreateAsync(app);
        var stranger = app.Api((await TestHall.CreateAsync(app)).Supervisor);
        await Expect.ProblemAsync(await stranger.GetAsync(Url(m, $"?{Query}")), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.GetAsync(Url(m, $"/records?{Query}&scope=staff&unitId={m.Staff1}&indicator=late")), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await stranger.PutAsync(Url(m, "/weights"), new { weights = new[] { new { indicator = "late", weight = 1 } } }),
            HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await stranger.PostAsync(Url(m, "/months/2026/10/close")), HttpStatusCode.Forbidden);

        var staff = app.Api(m.Hall.Staff[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Url(m, $"?{Query}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Url(m, $"/records?{Query}&scope=staff&unitId={m.Staff2}&indicator=late"))).StatusCode);
        var mine = await staff.GetOkAsync<JsonObject>($"/api/assessment/mine?{Query}");
        var row = Assert.Single(mine["report"]!["rows"]!.AsArray())!.AsObject();
        Assert.Equal(m.Staff1, row["unitId"]!.GetValue<Guid>());
        Assert.Equal(86.3, Num(row, "total"));
        var late = await staff.GetOkAsync<JsonArray>($"/api/assessment/mine/records?{Query}&indicator=late");
        Assert.Equal(2, late.Count);
        var theirs = await app.Api(m.Hall.Staff[1]).GetOkAsync<JsonArray>($"/api/assessment/mine/records?{Query}&indicator=late");
        Assert.Empty(theirs);
    }

    [Fact]
    public async Task Export_TheMonthsTable_InTheRequestsLanguage()
    {
        var m = await CreateAsync(app);
        foreach (var (language, rank, served) in new[] { ("zh-CN", "名次", "服务人次"), ("en", "Rank", "Tickets served") })
        {
            var response = await app.Api(m.Hall.Supervisor).GetAsync(Url(m, $"/export?{Query}&scope=staff"), language);
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            var book = await XlsxReader.ReadAsync(await response.Content.ReadAsStreamAsync());
            var sheet = book.Sheet(1);
            var headers = sheet.Headers();
            Assert.Equal(rank, headers[0]);
            Assert.Equal(served, headers[3]);
            Assert.Equal(3, sheet.RowCount);
            Assert.Equal(1, sheet.Number(2, 1));
            Assert.Equal(m.Hall.Staff[1], sheet.Text(2, 2));
            Assert.Equal(89.3, sheet.Number(2, headers.Count), 3);
        }
    }

    [Fact]
    public async Task CloseComplaint_RecordsWhetherItWasUpheld()
    {
        var hall = await TestHall.CreateAsync(app);
        var citizen = app.Api();
        var receipt = await SupervisionFlows.JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "窗口人员态度差", content = "工作人员说“这不归我管”。", anonymous = true, subject = "hall" }), HttpStatusCode.Created);
        var supervisor = app.Api(hall.Supervisor);
        var id = (await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/complaints?status=registered")).Single().Str("id");
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/assign", new { assigneeUserId = await TestHall.UserIdAsync(app, hall.Staff[0]) });
        var staff = app.Api(hall.Staff[0]);
        await staff.PostOkAsync<JsonObject>($"/api/complaints/{id}/investigate", new { });
        await staff.PostOkAsync<JsonObject>($"/api/complaints/{id}/reply", new { finding = "属实", reply = "已批评教育。" });
        var closed = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/close", new { upheld = true });
        Assert.True(closed["upheld"]!.GetValue<bool>());
        Assert.True(await app.WithDbAsync(db => db.Complaints.Where(c => c.Number == receipt.Str("number") && c.HallId == hall.Id).Select(c => c.Upheld == true)
            .SingleAsync()));
    }
}

public sealed class SqliteAssessmentTests(SqliteHallApp app) : AssessmentTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAssessmentTests(PostgresHallApp app) : AssessmentTests(app), IClassFixture<PostgresHallApp>;
