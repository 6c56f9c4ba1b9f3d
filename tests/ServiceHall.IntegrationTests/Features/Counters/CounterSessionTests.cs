using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Counters;

public abstract class CounterSessionTests(HallApp app)
{
    [Fact]
    public async Task Open_CounterAlreadyOpenedBySomeoneElse_Conflict()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        var second = await app.Api(hall.Staff[1]).PostAsync($"/api/counters/{hall.Counters[0]}/open");
        await Expect.ProblemAsync(second, HttpStatusCode.Conflict, "CounterAlreadyOpen");
        var mine = await app.Api(hall.Staff[0]).PostAsync($"/api/counters/{hall.Counters[1]}/open");
        await Expect.ProblemAsync(mine, HttpStatusCode.Conflict, "UserHasOpenCounter");
    }

    [Fact]
    public async Task Act_OnCounterNotOpenedByYou_Conflict()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        var response = await app.Api(hall.Staff[1]).PostAsync($"/api/counters/{hall.Counters[0]}/call-next");
        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "CounterNotOpenedByYou");
        var closed = await app.Api(hall.Staff[1]).PostAsync($"/api/counters/{hall.Counters[1]}/call-next");
        await Expect.ProblemAsync(closed, HttpStatusCode.Conflict, "CounterNotOpenedByYou");
    }

    [Fact]
    public async Task Pause_WithSubstitute_SubstituteServesAndOwnerResumes()
    {
        var hall = await TestHall.CreateAsync(app);
        var owner = app.Api(hall.Staff[0]);
        var substitute = app.Api(hall.Staff[1]);
        var counter = hall.Counters[0];
        await owner.OpenAsync(counter);
        var substituteId = await TestHall.UserIdAsync(app, hall.Staff[1]);

        var noReason = await owner.PostAsync($"/api/counters/{counter}/pause", new { substituteUserId = substituteId });
        await Expect.ProblemAsync(noReason, HttpStatusCode.BadRequest, "Required");
        var self = await owner.PostAsync($"/api/counters/{counter}/pause", new { reason = "离开", substituteUserId = await TestHall.UserIdAsync(app, hall.Staff[0]) });
        await Expect.ProblemAsync(self, HttpStatusCode.BadRequest, "SubstituteInvalid");
        var paused = await owner.PostOkAsync<CounterDto>($"/api/counters/{counter}/pause", new { reason = "去档案室取件", substituteUserId = substituteId });
        Assert.Equal("paused", paused.State);
        Assert.Equal(substituteId, paused.SubstituteUserId);

        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var ownerWhilePaused = await owner.PostAsync($"/api/counters/{counter}/call-next");
        await Expect.ProblemAsync(ownerWhilePaused, HttpStatusCode.Conflict, "CounterPaused");
        var called = await substitute.CallNextAsync(counter);
        Assert.Equal(ticket.Id, called!.Id);
        await substitute.ActAsync(counter, ticket.Id, "start");
        await substitute.ActAsync(counter, ticket.Id, "finish");

        var resumed = await owner.PostOkAsync<CounterDto>($"/api/counters/{counter}/resume");
        Assert.Equal("open", resumed.State);
        var pause = await app.WithDbAsync(db => db.CounterPauses.SingleAsync(p => p.CounterId == counter));
        Assert.Equal("去档案室取件", pause.Reason);
        Assert.NotNull(pause.EndedAt);
        var substituteAfter = await substitute.PostAsync($"/api/counters/{counter}/call-next");
        await Expect.ProblemAsync(substituteAfter, HttpStatusCode.Conflict, "CounterNotOpenedByYou");
    }

    [Fact]
    public async Task Close_WithCurrentTicket_RefusedThenClosesAfterFinish()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);

        var listed = await app.Api().GetOkAsync<List<CounterDto>>($"/api/halls/{hall.Id}/counters");
        Assert.Equal(ticket.Number, listed.Single(c => c.Id == hall.Counters[0]).CurrentTicketNumber);
        var refused = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/close");
        await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, "CounterHasCurrentTicket");
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
        await staff.ActAsync(hall.Counters[0], ticket.Id, "finish");
        var closed = await staff.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/close");
        Assert.Equal("closed", closed.State);

        var counters = await app.Api().GetOkAsync<List<CounterDto>>($"/api/halls/{hall.Id}/counters");
        Assert.All(counters, c => Assert.Equal("closed", c.State));
        Assert.All(counters, c => Assert.Null(c.CurrentTicketNumber));
    }

    [Fact]
    public async Task CallNext_NobodyWaiting_NoContent()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var response = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/call-next");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}

public sealed class SqliteCounterSessionTests(SqliteHallApp app) : CounterSessionTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCounterSessionTests(PostgresHallApp app) : CounterSessionTests(app), IClassFixture<PostgresHallApp>;
