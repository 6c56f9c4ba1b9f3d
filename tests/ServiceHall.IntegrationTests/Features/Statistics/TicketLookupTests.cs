using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Statistics;

/// <summary>GET /api/halls/{hallId}/statistics/tickets?number=&amp;day=: a ticket's whole visit, across a transfer, with who acted.</summary>
public abstract class TicketLookupTests(HallApp app)
{
    [Fact]
    public async Task TransferredTicket_WholeHistoryWithActorsCountersAndRating()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.UnstaffedGraceMinutes = 24 * 60);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var first = app.Api(hall.Staff[0]);
        await first.OpenAsync(hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ticket.Id, (await first.CallNextAsync(hall.Counters[0]))!.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await first.ActAsync(hall.Counters[0], ticket.Id, "recall");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await first.ActAsync(hall.Counters[0], ticket.Id, "transfer", new { toServiceItemId = hall.Item("B"), reason = "属于B事项" });
        var second = app.Api(hall.Staff[1]);
        await second.OpenAsync(hall.Counters[1]);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = (await second.CallNextAsync(hall.Counters[1]))!;
        // The transfer's own ticket, waiting for item B under the same number.
        Assert.NotEqual(ticket.Id, again.Id);
        Assert.Equal(ticket.Number, again.Number);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await second.ActAsync(hall.Counters[1], again.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await second.ActAsync(hall.Counters[1], again.Id, "finish");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Api().PostOkAsync<JsonObject>(await RatingUrlAsync(app, again.Id), new { level = "satisfied" });

        var day = Iso(app.Today);
        var history = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>(
            $"/api/halls/{hall.Id}/statistics/tickets?number={ticket.Number.ToLowerInvariant()}&day={day}");
        Assert.Equal(ticket.Number, history.Str("number"));
        Assert.Equal("done", history.Str("status"));
        Assert.Equal(["事项 A", "事项 B"], history["tickets"]!.AsArray().Select(t => t.Str("serviceItemName")));
        var steps = history["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["issued", "called", "recalled", "transferredOut", "transferredIn", "called", "started", "finished", "rated"],
            steps.Select(s => s.Str("kind")));
        Assert.Equal("kiosk", steps[0].Str("channel"));
        Assert.Equal(hall.Staff[0], steps[1].Str("actorName"));
        Assert.Equal("9001", steps[1].Str("actorBadge"));
        Assert.Equal(1, steps[1]["counterNumber"]!.GetValue<int>());
        Assert.Equal("属于B事项", steps[3].Str("reason"));
        Assert.Equal("事项 A", steps[3].Str("serviceItemName"));
        Assert.Equal("事项 B", steps[4].Str("serviceItemName"));
        Assert.Equal(hall.Staff[1], steps[5].Str("actorName"));
        Assert.Equal(2, steps[5]["counterNumber"]!.GetValue<int>());
        Assert.Equal("satisfied", steps[8].Str("level"));
        // Each step at the instant it happened (UTC; the page shows the hall's zone).
        Assert.Equal(ticket.IssuedAt.AddMinutes(2), steps[1]["at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(ticket.IssuedAt.AddMinutes(14), steps[8]["at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("Asia/Shanghai", history.Str("timeZoneId"));
    }

    [Fact]
    public async Task UnknownNumberBadInputRolesAndHalls_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var url = $"/api/halls/{hall.Id}/statistics/tickets";
        var day = Iso(app.Today);
        var supervisor = app.Api(hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?number=Z999&day={day}"), HttpStatusCode.NotFound, "TicketNotFound");
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?number={ticket.Number}&day={Iso(app.Today.AddDays(-1))}"),
            HttpStatusCode.NotFound, "TicketNotFound");
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?day={day}"), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?number={ticket.Number}"), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).GetAsync($"{url}?number={ticket.Number}&day={day}"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"{url}?number={ticket.Number}&day={day}"),
            HttpStatusCode.Forbidden, "OtherHall");
        // Another hall's number is not found through this hall.
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"/api/halls/{other.Id}/statistics/tickets?number={ticket.Number}&day={day}"),
            HttpStatusCode.NotFound, "TicketNotFound");
        var waiting = await supervisor.GetOkAsync<JsonObject>($"{url}?number={ticket.Number}&day={day}");
        Assert.Equal("waiting", waiting.Str("status"));
        Assert.Equal("issued", Assert.Single(waiting["steps"]!.AsArray())!.Str("kind"));
    }
}

public sealed class SqliteTicketLookupTests(SqliteHallApp app) : TicketLookupTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresTicketLookupTests(PostgresHallApp app) : TicketLookupTests(app), IClassFixture<PostgresHallApp>;
