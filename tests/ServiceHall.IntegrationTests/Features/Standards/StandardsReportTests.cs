using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Inquiries;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Standards.StandardsFlows;

namespace ServiceHall.IntegrationTests.Features.Standards;

public abstract class StandardsReportTests(HallApp app)
{
    /// <summary>The hall monitor scans alerts on every change: an empty counter's alert would count in the figures.</summary>
    private static void NoUnstaffedAlert(Core.Features.Halls.Hall hall) => hall.UnstaffedGraceMinutes = 24 * 60;

    /// <summary>
    /// A scripted day of one hall: calls after 3 and 15 minutes (one out of order), a ticket expired, queue and counter
    /// alerts, a late sign-in, cases, notices, inquiries, follow-ups and complaints on either side of their deadlines,
    /// one confirmed forbidden phrase.
    /// </summary>
    private async Task<(TestHall Hall, Guid Department, Guid Staff0, Guid Staff1)> ScriptedDayAsync()
    {
        // Open from 00:01, not around the clock, so that the sign-in is judged (ADR-033's addendum).
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: h => { NoUnstaffedAlert(h); h.OpensAt = new TimeOnly(0, 1); });
        var staff0 = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var staff1 = await TestHall.UserIdAsync(app, hall.Staff[1]);
        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.HallId == hall.Id).Select(d => d.Id).SingleAsync());
        var kiosk = app.Api(hall.Kiosk);
        var t1 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var t2 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var t3 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        var counter = hall.Counters[0];
        await staff.OpenAsync(counter);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await staff.ActAsync(counter, t2.Id, "call", new { reason = "陪同家属一起办理" });
        await staff.ActAsync(counter, t2.Id, "start");
        await staff.ActAsync(counter, t2.Id, "finish");
        app.Clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(t1.Id, (await staff.CallNextAsync(counter))!.Id);
        await app.Api(hall.Staff[1]).PostOkAsync<JsonObject>("/api/attendance/sign-in");
        await app.Api(hall.Supervisor).PostOkAsync<JsonObject>("/api/conduct/check",
            new { hallId = hall.Id, text = "你好，这不归我管。再见", staffUserId = staff0 });
        var finding = await app.WithDbAsync(db => db.ConductFindings
            .Where(f => f.HallId == hall.Id && (f.Kind == FindingKind.Forbidden || f.Kind == FindingKind.ForbiddenVariant)).Select(f => f.Id).FirstAsync());
        await app.Api(hall.Supervisor).PostOkAsync<JsonObject>($"/api/conduct/findings/{finding}/review", new { confirm = true });

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = app.Today;
        var yesterday = today.AddDays(-1);
        await app.WithDbAsync(async db =>
        {
            await db.Tickets.Where(t => t.Id == t3.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Expired));
            Alert Raise(AlertKind kind, Guid? item, Guid? counterId, double minutesAgo, double? clearedMinutesAgo) => new()
            {
                Id = Guid.NewGuid(), HallId = hall.Id, Kind = kind, ServiceItemId = item, CounterId = counterId,
                ConditionKey = $"{kind}:{Guid.NewGuid():N}", RaisedAt = now.AddMinutes(-minutesAgo),
                ClearedAt = clearedMinutesAgo is { } c ? now.AddMinutes(-c) : null,
            };
            // 20 minutes with nobody opening a counter, then 4 minutes that ended within the 10 allowed.
            db.Alerts.Add(Raise(AlertKind.QueueTooLong, hall.Item("A"), null, 40, 20));
            db.Alerts.Add(Raise(AlertKind.QueueTooLong, hall.Item("A"), null, 14, 10));
            db.Alerts.Add(Raise(AlertKind.CounterUnstaffed, null, counter, 60, 50));
            db.Alerts.Add(Raise(AlertKind.CounterPausedTooLong, null, counter, 3, null));

            Case NewCase(string number, DateTime registered, DateTime? dueAt, DateTime? completedAt) => new()
            {
                Id = Guid.NewGuid(), HallId = hall.Id, ServiceItemId = hall.Item("A"), DepartmentId = department, Number = number, CounterId = counter,
                Status = completedAt is null ? CaseStatus.Accepted : CaseStatus.Completed, RegisteredAt = registered, RegisteredByUserId = staff0,
                AcceptedAt = registered, AcceptedByUserId = staff0, DueAt = dueAt, DueDate = dueAt is { } d ? DateOnly.FromDateTime(d) : null,
                CompletedAt = completedAt,
            };
            var onTime = NewCase("BJ-1", now.AddDays(-1), now.AddDays(2), now.AddDays(-1));
            var late = NewCase("BJ-2", now.AddDays(-3), now.AddHours(-2), now.AddHours(-1));
            var overdue = NewCase("BJ-3", now.AddDays(-14), now.AddDays(-1), null);
            db.Cases.AddRange(onTime, late, overdue);
            db.OneTimeNotices.Add(new OneTimeNotice { Id = Guid.NewGuid(), CaseId = onTime.Id, HallId = hall.Id, Number = "GZ-1", IssuedAt = now, IssuedByUserId = staff0 });
            db.OneTimeNotices.Add(new OneTimeNotice { Id = Guid.NewGuid(), CaseId = overdue.Id, HallId = hall.Id, Number = "GZ-2", IssuedAt = now.AddHours(-1), IssuedByUserId = staff0 });

            db.Inquiries.Add(new Inquiry { Id = Guid.NewGuid(), HallId = hall.Id, Question = "?", OwnerUserId = staff0, RecordedAt = now.AddDays(-2),
                Status = InquiryStatus.Answered, PromisedReplyAt = now.AddDays(-1), RepliedAt = now.AddDays(-1).AddHours(-1) });
            db.Inquiries.Add(new Inquiry { Id = Guid.NewGuid(), HallId = hall.Id, Question = "?", OwnerUserId = staff0, RecordedAt = now.AddDays(-1),
                Status = InquiryStatus.Open, PromisedReplyAt = now.AddHours(-2) });

            void FollowUp(string number, DateOnly callbackDue, DateTime? calledBack, DateOnly resolveDue, DateTime? rectified)
            {
                var rating = new Rating { Id = Guid.NewGuid(), HallId = hall.Id, TicketId = Guid.NewGuid(), TicketNumber = number, CounterId = counter,
                    StaffUserId = staff0, ServiceItemId = hall.Item("A"), DepartmentId = department, Level = SatisfactionLevel.Dissatisfied, IsBad = true,
                    ServedAt = now.AddDays(-6), RatedAt = now.AddDays(-6) };
                db.Ratings.Add(rating);
                db.RatingFollowUps.Add(new RatingFollowUp { Id = Guid.NewGuid(), HallId = hall.Id, RatingId = rating.Id, OpenedAt = now.AddDays(-6),
                    Stage = FollowUpStage.Verification, CallbackDue = callbackDue, CalledBackAt = calledBack, ResolveDue = resolveDue, RectifiedAt = rectified });
            }
            FollowUp("A901", yesterday, now.AddDays(-1), today.AddDays(10), null);
            FollowUp("A902", yesterday, null, today.AddDays(10), null);
            FollowUp("A903", today.AddDays(-5), now.AddDays(-5), yesterday, now.AddDays(-2));

            Complaint NewComplaint(string number, DateOnly replyDue, DateTime? replied, DateOnly closeDue) => new()
            {
                Id = Guid.NewGuid(), HallId = hall.Id, Number = number, TrackingCode = Guid.NewGuid(), Title = "t", Content = "c",
                Status = replied is null ? ComplaintStatus.Investigating : ComplaintStatus.Replied, RegisteredAt = now.AddDays(-7),
                AssigneeDepartmentId = department, AssigneeUserId = staff1, AssignDue = replyDue, ReplyDue = replyDue, RepliedAt = replied, CloseDue = closeDue,
            };
            db.Complaints.Add(NewComplaint($"TS-{Guid.NewGuid():N}"[..20], yesterday, now.AddDays(-2), yesterday));
            db.Complaints.Add(NewComplaint($"TS-{Guid.NewGuid():N}"[..20], yesterday, null, today.AddDays(5)));
            await db.SaveChangesAsync();
        });
        return (hall, department, staff0, staff1);
    }

    [Fact]
    public async Task ScriptedDay_EachFigureItsVerdict_PerScope()
    {
        var (hall, department, staff0, staff1) = await ScriptedDayAsync();
        var supervisor = app.Api(hall.Supervisor);
        var report = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards?period=month&scope=hall");
        Assert.Equal(new DateOnly(app.Today.Year, app.Today.Month, 1), DateOnly.Parse(report.Str("from")));
        var expected = new (string Rule, double Value, string Verdict)[]
        {
            ("waitsCalledInTime", 50, "red"), ("longestWait", 15, "yellow"), ("queueOverMinutes", 24, "yellow"),
            ("counterOpenedOnAlert", 50, "yellow"), ("unstaffedMinutes", 13, "yellow"), ("onTimeArrival", 0, "red"),
            ("expiredTickets", 1, "yellow"), ("casesOnTime", 50, "red"), ("overdueCases", 2, "red"), ("inquiriesOnTime", 50, "red"),
            ("noticesInTime", 50, "red"), ("callbacksInTime", 66.7, "red"), ("rectifiedInTime", 100, "green"),
            ("complaintsRepliedInTime", 50, "red"), ("complaintsClosedInTime", 0, "red"), ("conductFindings", 1, "yellow"),
            ("callsOutOfOrder", 1, "green"),
        };
        Assert.Equal(expected.Length, report["rules"]!.AsArray().Count);
        foreach (var (rule, value, verdict) in expected)
        {
            var cell = Cell(report, rule, hall.Id);
            Assert.True(Math.Abs(value - cell["value"]!.GetValue<double>()) < 0.05, $"{rule}: {cell["value"]} instead of {value}");
            Assert.True(verdict == cell.Str("verdict"), $"{rule}: {cell.Str("verdict")} instead of {verdict}");
        }

        var byStaff = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards?period=month&scope=staff");
        Assert.Equal(50, Cell(byStaff, "waitsCalledInTime", staff0)["value"]!.GetValue<double>());
        Assert.Equal("red", Cell(byStaff, "onTimeArrival", staff1).Str("verdict"));
        Assert.Equal("noData", Cell(byStaff, "onTimeArrival", staff0).Str("verdict"));
        Assert.Equal(50, Cell(byStaff, "complaintsRepliedInTime", staff1)["value"]!.GetValue<double>());
        Assert.DoesNotContain(byStaff["rules"]!.AsArray(), r => r.Str("rule") == "expiredTickets");
        var byCounter = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards?period=month&scope=counter");
        Assert.Equal(13, Cell(byCounter, "unstaffedMinutes", hall.Counters[0])["value"]!.GetValue<double>());
        var byDepartment = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards?period=month&scope=department");
        Assert.Equal(24, Cell(byDepartment, "queueOverMinutes", department)["value"]!.GetValue<double>());

        // A day ago nothing of today counts; the deadlines that fell due yesterday do.
        var yesterday = await supervisor.GetOkAsync<JsonObject>(
            $"/api/halls/{hall.Id}/standards?period=day&date={app.Today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal("noData", Cell(yesterday, "waitsCalledInTime", hall.Id).Str("verdict"));
        Assert.Equal(50, Cell(yesterday, "callbacksInTime", hall.Id)["value"]!.GetValue<double>());

        var history = await supervisor.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/standards/history?period=week&count=4");
        Assert.Equal(4, history.Count);
        Assert.True(history[^1]!["red"]!.GetValue<int>() > 0);
        // Three weeks back the hall had no record at all: no data for every rule, no score — not seventeen green rules.
        Assert.Equal((0, expected.Length, null), (history[0]!["green"]!.GetValue<int>(), history[0]!["noData"]!.GetValue<int>(),
            history[0]!["score"]?.GetValue<double>()));
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{hall.Id}/standards?period=year"), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{hall.Id}/standards/history?count=13"), HttpStatusCode.BadRequest, "OutOfRange");
    }

    [Fact]
    public async Task Thresholds_SetBySupervisor_Checked_ChangeTheVerdict()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(ticket.Id, (await app.Api(hall.Staff[0]).CallNextAsync(hall.Counters[0]))!.Id);
        var url = $"/api/halls/{hall.Id}/standards/settings";
        var supervisor = app.Api(hall.Supervisor);
        var defaults = await supervisor.GetOkAsync<JsonArray>(url);
        Assert.All(defaults, r => Assert.False(r!["custom"]!.GetValue<bool>()));
        Assert.Equal(10, defaults.Single(r => r.Str("rule") == "longestWait")!["yellow"]!.GetValue<int>());

        object Rule(string rule, int yellow, int red, string card = "byVerdict", int? parameter = null) =>
            new { rules = new[] { new { rule, yellow, red, card, parameter } } };
        await Expect.ProblemAsync(await supervisor.PutAsync(url, Rule("waitsCalledInTime", 80, 90)), HttpStatusCode.BadRequest, "StandardThresholdsInverted");
        await Expect.ProblemAsync(await supervisor.PutAsync(url, Rule("waitsCalledInTime", 120, 90)), HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await supervisor.PutAsync(url, Rule("longestWait", 20, 10)), HttpStatusCode.BadRequest, "StandardThresholdsInverted");
        await Expect.ProblemAsync(await supervisor.PutAsync(url, Rule("counterOpenedOnAlert", 100, 50)), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.PutAsync(url, new { rules = Array.Empty<object>() }), HttpStatusCode.BadRequest, "Required");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).PutAsync(url, Rule("longestWait", 20, 30))).StatusCode);

        var before = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards");
        Assert.Equal("yellow", Cell(before, "longestWait", hall.Id).Str("verdict"));
        var saved = await supervisor.PutOkAsync<JsonArray>(url, Rule("longestWait", 20, 30, "red"));
        Assert.True(saved.Single(r => r.Str("rule") == "longestWait")!["custom"]!.GetValue<bool>());
        var after = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards");
        Assert.Equal("green", Cell(after, "longestWait", hall.Id).Str("verdict"));
        Assert.Equal(0, await ScanCardsAsync(app, hall.Id));
    }
}

public sealed class SqliteStandardsReportTests(SqliteHallApp app) : StandardsReportTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStandardsReportTests(PostgresHallApp app) : StandardsReportTests(app), IClassFixture<PostgresHallApp>;
