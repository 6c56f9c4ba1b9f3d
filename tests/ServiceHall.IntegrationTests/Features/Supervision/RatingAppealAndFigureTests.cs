using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

/// <summary>申诉复核 and the six figures of DESIGN (好评率, 主动评价好评率, 未评率, 差评回复率, 回访整改率, 回访整改满意率).</summary>
public abstract class RatingAppealAndFigureTests(HallApp app)
{
    [Fact]
    public async Task Appeal_RemovesBadRatingFromFigures_KeptAndFollowUpClosedWithReason()
    {
        var hall = await TestHall.CreateAsync(app);
        var good = await FinishedTicketAsync(app, hall);
        var bad = await FinishedTicketAsync(app, hall);
        var phone = app.Api();
        var goodRating = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, good.Id), new { level = "satisfied" });
        var badRating = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, bad.Id), new { level = "veryDissatisfied", comment = "点错了" });
        var supervisor = app.Api(hall.Supervisor);
        var figuresUrl = $"/api/halls/{hall.Id}/ratings/figures?from={Iso(app.Today)}&to={Iso(app.Today)}";
        var before = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>(figuresUrl));
        Assert.Equal(0.5, before["satisfactionRate"]!.GetValue<double>());

        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/ratings/{goodRating.Str("id")}/appeal", new { reason = "x" }),
            HttpStatusCode.Conflict, "RatingNotBad");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/ratings/{badRating.Str("id")}/appeal", new { }), HttpStatusCode.BadRequest, "Required");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Api(hall.Staff[0]).PostAsync($"/api/ratings/{badRating.Str("id")}/appeal", new { reason = "我没错" })).StatusCode);
        var followUp = await supervisor.PostOkAsync<JsonObject>($"/api/ratings/{badRating.Str("id")}/appeal", new { reason = "群众来电说明误点" });
        Assert.Equal("closed", followUp.Str("stage"));
        Assert.Equal("群众来电说明误点", followUp.Str("exclusionReason"));
        Assert.Equal("群众来电说明误点", followUp["history"]!.AsArray().Last().Str("note"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/ratings/{badRating.Str("id")}/appeal", new { reason = "再次" }),
            HttpStatusCode.Conflict, "RatingExcluded");

        var after = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>(figuresUrl));
        Assert.Equal(1, after["total"]!.GetValue<int>());
        Assert.Equal(1.0, after["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(0, after["bad"]!.GetValue<int>());
        Assert.Equal(1, after["excluded"]!.GetValue<int>());
        // The rating is still there for the phone that gave it.
        Assert.Equal("veryDissatisfied", (await phone.GetOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, bad.Id)))["rating"].Str("level"));
    }

    [Fact]
    public async Task Figures_UnratedActiveFollowUpSatisfaction_AndDeemedWhenTheHallCountsSilenceAsBasicallySatisfied()
    {
        var hall = await TestHall.CreateAsync(app);
        var rated = await FinishedTicketAsync(app, hall);
        var badOne = await FinishedTicketAsync(app, hall);
        await FinishedTicketAsync(app, hall); // never rated
        var phone = app.Api();
        await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, rated.Id), new { level = "verySatisfied" });
        var bad = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, badOne.Id), new { level = "dissatisfied" });
        var supervisor = app.Api(hall.Supervisor);
        var steps = $"/api/rating-follow-ups/{bad["followUpId"]}";
        await supervisor.PostOkAsync<JsonObject>($"{steps}/callback", new { note = "已回访" });
        await supervisor.PostOkAsync<JsonObject>($"{steps}/verify", new { confirmed = false, note = "不属实" });
        await supervisor.PostOkAsync<JsonObject>($"{steps}/report", new { note = "已说明", citizenSatisfied = true });

        var url = $"/api/halls/{hall.Id}/ratings/figures?from={Iso(app.Today)}&to={Iso(app.Today)}";
        var hallRow = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>(url));
        Assert.Equal(3, hallRow["finished"]!.GetValue<int>());
        Assert.Equal(1, hallRow["unrated"]!.GetValue<int>());
        Assert.Equal(0.3333, hallRow["unratedRate"]!.GetValue<double>());
        Assert.Equal(2, hallRow["active"]!.GetValue<int>());
        Assert.Equal(0.5, hallRow["activeSatisfactionRate"]!.GetValue<double>());
        Assert.Equal(1.0, hallRow["callbackRate"]!.GetValue<double>());
        Assert.Equal(1.0, hallRow["followUpRate"]!.GetValue<double>());
        Assert.Equal(1.0, hallRow["followUpSatisfactionRate"]!.GetValue<double>());
        Assert.Equal(0, hallRow["deemed"]!.GetValue<int>());
        var perCounter = await supervisor.GetOkAsync<List<JsonObject>>($"{url}&by=counter");
        Assert.Equal(3, Assert.Single(perCounter)["finished"]!.GetValue<int>());

        await app.Api("admin").PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/supervision-settings", new
        {
            ratingWindowHours = 72, callbackWorkingDays = 1, rectifyWorkingDays = 15, complaintAssignWorkingDays = 1, complaintReplyWorkingDays = 5,
            complaintCloseWorkingDays = 10, earlyArrivalMinutes = 10, defaultRatingEnabled = true, defaultRatingAfterDays = 7,
        });
        var from = app.Today;
        app.Clock.Advance(TimeSpan.FromDays(8));
        var later = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/ratings/figures?from={Iso(from)}&to={Iso(from)}"));
        Assert.Equal(1, later["deemed"]!.GetValue<int>());
        Assert.Equal(3, later["total"]!.GetValue<int>());
        Assert.Equal(2, later["basicallySatisfied"]!.GetValue<int>() + later["verySatisfied"]!.GetValue<int>());
        Assert.Equal(0.6667, later["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(0.5, later["activeSatisfactionRate"]!.GetValue<double>());
    }
}

public sealed class SqliteRatingAppealAndFigureTests(SqliteHallApp app) : RatingAppealAndFigureTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRatingAppealAndFigureTests(PostgresHallApp app) : RatingAppealAndFigureTests(app), IClassFixture<PostgresHallApp>;
