using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class RatingTests(HallApp app)
{
    [Fact]
    public async Task BadRatingOnPad_FollowUpThroughCallbackVerifyRectifyReport()
    {
        var hall = await TestHall.CreateAsync(app);
        var pad = app.Api(await AddUserAsync(app, hall.Id, Roles.RatingPad));
        var ticket = await FinishedTicketAsync(app, hall);

        var shown = await pad.GetOkAsync<JsonObject>($"/api/counters/{hall.Counters[0]}/rating-pad");
        Assert.Equal(ticket.Number, shown["ticket"].Str("number"));
        Assert.False(shown["ticket"]!["rated"]!.GetValue<bool>());

        var rating = await pad.PostOkAsync<JsonObject>($"/api/tickets/{ticket.Id}/rating",
            new { level = "dissatisfied", reasons = new[] { "attitude", "waiting" }, comment = "态度不好" });
        Assert.Equal("hallPad", rating.Str("channel"));
        var followUpId = rating["followUpId"]!.GetValue<Guid>();
        var again = await pad.PostAsync($"/api/tickets/{ticket.Id}/rating", new { level = "satisfied" });
        await Expect.ProblemAsync(again, HttpStatusCode.Conflict, "RatingAlreadyGiven");
        Assert.True((await pad.GetOkAsync<JsonObject>($"/api/counters/{hall.Counters[0]}/rating-pad"))["ticket"]!["rated"]!.GetValue<bool>());

        var supervisor = app.Api(hall.Supervisor);
        var open = await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/rating-follow-ups");
        var followUp = Assert.Single(open);
        Assert.Equal("callback", followUp.Str("stage"));
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 1)), followUp.Str("callbackDue"));
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 15)), followUp.Str("resolveDue"));
        Assert.Equal("dissatisfied", followUp["rating"].Str("level"));

        var baseUrl = $"/api/rating-follow-ups/{followUpId}";
        await Expect.ProblemAsync(await supervisor.PostAsync($"{baseUrl}/verify", new { confirmed = false, note = "核实" }),
            HttpStatusCode.Conflict, "FollowUpWrongStage");
        await Expect.ProblemAsync(await supervisor.PostAsync($"{baseUrl}/callback", new { note = "" }), HttpStatusCode.BadRequest, "Required");
        await supervisor.PostOkAsync<JsonObject>($"{baseUrl}/callback", new { note = "已电话回访，群众反映等候时间长、态度生硬" });
        var owner = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await Expect.ProblemAsync(await supervisor.PostAsync($"{baseUrl}/verify", new { confirmed = true, note = "属实" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.PostAsync($"{baseUrl}/verify", new { confirmed = true, note = "属实", ownerUserId = owner, rectifyWorkingDays = 16 }),
            HttpStatusCode.BadRequest, "OutOfRange");
        var verified = await supervisor.PostOkAsync<JsonObject>($"{baseUrl}/verify",
            new { confirmed = true, note = "调阅录像属实", ownerUserId = owner, rectifyWorkingDays = 5 });
        Assert.Equal("rectification", verified.Str("stage"));
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 5)), verified.Str("rectificationDue"));

        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync($"{baseUrl}/rectify", new { note = "不是我" }),
            HttpStatusCode.Forbidden, "FollowUpNotOwner");
        await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>($"{baseUrl}/rectify", new { note = "已参加文明服务培训" });
        var closed = await supervisor.PostOkAsync<JsonObject>($"{baseUrl}/report", new { note = "已向群众反馈整改情况", citizenSatisfied = true });
        Assert.Equal("closed", closed.Str("stage"));
        var history = closed["history"]!.AsArray();
        Assert.Equal(["callback", "verification", "rectification", "reportBack"], history.Select(h => h.Str("from")));
        Assert.All(history, h => Assert.NotNull(h!["userId"]));
        Assert.Empty(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/rating-follow-ups"));

        var figures = await supervisor.GetOkAsync<List<JsonObject>>(
            $"/api/halls/{hall.Id}/ratings/figures?from={app.Today:yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}&by=staff");
        var mine = Assert.Single(figures);
        Assert.Equal(owner, mine["key"]!.GetValue<Guid>());
        Assert.Equal(1, mine["bad"]!.GetValue<int>());
        Assert.Equal(0.0, mine["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(1.0, mine["followUpRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task RateFromPhone_Anonymous_GoodRatingNoFollowUp_FiguresPerCounterAndHall()
    {
        var hall = await TestHall.CreateAsync(app);
        var first = await FinishedTicketAsync(app, hall);
        var second = await FinishedTicketAsync(app, hall);
        var phone = app.Api();
        var before = await phone.GetOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, first.Id));
        Assert.True(before["canRate"]!.GetValue<bool>());

        var good = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, first.Id), new { level = "verySatisfied" });
        Assert.Equal("phone", good.Str("channel"));
        Assert.Null(good["followUpId"]);
        await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, second.Id), new { level = "basicallySatisfied", comment = "还可以" });
        var after = await phone.GetOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, first.Id));
        Assert.False(after["canRate"]!.GetValue<bool>());
        Assert.Equal("verySatisfied", after["rating"].Str("level"));

        var supervisor = app.Api(hall.Supervisor);
        var byCounter = await supervisor.GetOkAsync<List<JsonObject>>(
            $"/api/halls/{hall.Id}/ratings/figures?from={app.Today.AddDays(-1):yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}&by=counter");
        var row = Assert.Single(byCounter);
        Assert.Equal(hall.Counters[0], row["key"]!.GetValue<Guid>());
        Assert.Equal(2, row["total"]!.GetValue<int>());
        Assert.Equal(1.0, row["satisfactionRate"]!.GetValue<double>());
        Assert.Null(row["followUpRate"]);
        var byHall = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>(
            $"/api/halls/{hall.Id}/ratings/figures?from={app.Today:yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}"));
        Assert.Equal(2, byHall["total"]!.GetValue<int>());
        Assert.Empty(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/rating-follow-ups"));
    }

    [Fact]
    public async Task Rate_BadInputsStatesAndWindow_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var phone = app.Api();
        var done = await FinishedTicketAsync(app, hall);
        var waiting = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, waiting.Id), new { level = "satisfied" }),
            HttpStatusCode.Conflict, "RatingNotFinished");
        await Expect.ProblemAsync(await phone.PostAsync($"/api/tickets/{Guid.NewGuid()}/rating", new { level = "satisfied" }),
            HttpStatusCode.NotFound, "TicketNotFound");
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, done.Id), new { comment = "没选等级" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, done.Id), new { level = "ok" }),
            HttpStatusCode.BadRequest, "MalformedJson");
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, done.Id), new { level = "satisfied", comment = new string('长', 501) }),
            HttpStatusCode.BadRequest, "TooLong");
        app.Clock.Advance(TimeSpan.FromHours(73));
        var late = await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, done.Id), new { level = "satisfied" }, "en");
        var problem = await Expect.ProblemAsync(late, HttpStatusCode.Conflict, "RatingWindowPassed");
        Assert.Contains("72 hours", problem.Str("detail"));
        Assert.False((await phone.GetOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, done.Id)))["canRate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RatingPadAndFollowUps_WrongRolesOrHall_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var padOfOther = app.Api(await AddUserAsync(app, other.Id, Roles.RatingPad));
        var ticket = await FinishedTicketAsync(app, hall);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync($"/api/counters/{hall.Counters[0]}/rating-pad")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync($"/api/counters/{hall.Counters[0]}/rating-pad")).StatusCode);
        // A pad reads its own counter only (P2): another hall's counter is refused by the hall policy (ADR-017).
        await Expect.ProblemAsync(await padOfOther.GetAsync($"/api/counters/{hall.Counters[0]}/rating-pad"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await padOfOther.PostAsync($"/api/tickets/{ticket.Id}/rating", new { level = "satisfied" }),
            HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync($"/api/halls/{hall.Id}/rating-follow-ups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("kiosk1").GetAsync($"/api/halls/{hall.Id}/ratings/figures?from=2026-01-01&to=2026-12-31")).StatusCode);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"/api/halls/{hall.Id}/rating-follow-ups"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).GetAsync($"/api/halls/{hall.Id}/ratings/figures?from=2026-12-31&to=2026-01-01"),
            HttpStatusCode.BadRequest, "InvalidDate");
    }

    [Fact]
    public async Task FollowUpPastCallbackDeadline_AlertRaisedKeptByQueueScanAndClearedWhenCalledBack()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.UnstaffedGraceMinutes = 100_000);
        var ticket = await FinishedTicketAsync(app, hall);
        var rating = await app.Api().PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, ticket.Id), new { level = "veryDissatisfied" });
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Empty(await OpenAlertsAsync(app, hall.Id, AlertKind.FollowUpOverdue));

        var due = (await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/rating-follow-ups/{rating["followUpId"]}")).Str("callbackDue");
        PassDeadline(app, due);
        await ScanDeadlinesAsync(app, hall.Id);
        await ScanQueueAlertsAsync(app, hall.Id);
        var alert = Assert.Single(await OpenAlertsAsync(app, hall.Id, AlertKind.FollowUpOverdue));
        Assert.Equal(hall.Counters[0], alert.CounterId);
        Assert.Equal(1, alert.Value);
        var listed = await app.Api(hall.Supervisor).GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/alerts");
        Assert.Contains(listed, a => a.Str("kind") == "followUpOverdue");

        await app.Api(hall.Supervisor).PostOkAsync<JsonObject>($"/api/rating-follow-ups/{rating["followUpId"]}/callback", new { note = "已回访" });
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Empty(await OpenAlertsAsync(app, hall.Id, AlertKind.FollowUpOverdue));
    }
}

public sealed class SqliteRatingTests(SqliteHallApp app) : RatingTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRatingTests(PostgresHallApp app) : RatingTests(app), IClassFixture<PostgresHallApp>;
