using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Statistics;

/// <summary>GET /api/halls/{hallId}/statistics/figures: the dashboard's figures for a past day or a range, summed by the database.</summary>
public abstract class PastFiguresTests(HallApp app)
{
    private static double? Number(JsonNode? node, string name) => node![name]?.GetValue<double>();

    [Fact]
    public async Task TwoDays_SameFiguresAsTheDashboard_AndExactOverTheRange()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.UnstaffedGraceMinutes = 24 * 60);
        var kiosk = app.Api(hall.Kiosk);
        var staff = app.Api(hall.Staff[0]);
        var supervisor = app.Api(hall.Supervisor);
        var first = app.Today;
        var hour = app.LocalTime.Hour;

        // Day one: three tickets. Waits 3, 7 (no-show) and 7 minutes; services 4 and 2 minutes.
        for (var i = 0; i < 3; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await staff.OpenAsync(hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var one = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], one.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await staff.ActAsync(hall.Counters[0], one.Id, "finish");
        var two = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], two.Id, "no-show");
        var three = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], three.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await staff.ActAsync(hall.Counters[0], three.Id, "finish");

        var dashboard = (await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard"))["today"]!;
        var day = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/statistics/figures?from={Iso(first)}&to={Iso(first)}");
        foreach (var name in new[] { "issued", "served", "waiting", "noShows", "expired" })
            Assert.Equal(dashboard[name]!.GetValue<int>(), day["total"]![name]!.GetValue<int>());
        Assert.Equal(Number(dashboard, "averageWaitMinutes"), Number(day["total"], "averageWaitMinutes"));
        Assert.Equal(Number(dashboard, "averageServiceMinutes"), Number(day["total"], "averageServiceMinutes"));
        Assert.Equal(3, day["total"]!["issued"]!.GetValue<int>());
        Assert.Equal(5.7, Number(day["total"], "averageWaitMinutes"));
        Assert.Equal(3.0, Number(day["total"], "averageServiceMinutes"));
        Assert.Equal(7.0, Number(day, "longestWaitMinutes"));
        Assert.Equal(3, day["perHour"]!.AsArray().Sum(h => h!["issued"]!.GetValue<int>()));
        Assert.Equal(3, day["perHour"]!.AsArray().Single(h => h!["hour"]!.GetValue<int>() == hour)!["issued"]!.GetValue<int>());

        // Day two, at another counter: one ticket, a wait of 1 and a service of 6 minutes.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var next = app.Api(hall.Staff[1]);
        await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        await next.OpenAsync(hall.Counters[1]);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var four = (await next.CallNextAsync(hall.Counters[1]))!;
        await next.ActAsync(hall.Counters[1], four.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await next.ActAsync(hall.Counters[1], four.Id, "finish");

        var range = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/statistics/figures?from={Iso(first)}&to={Iso(first.AddDays(1))}");
        var total = range["total"]!;
        Assert.Equal(4, total["issued"]!.GetValue<int>());
        Assert.Equal(3, total["served"]!.GetValue<int>());
        Assert.Equal(1, total["noShows"]!.GetValue<int>());
        // Averages over the range weigh every ticket, not every day: (3 + 7 + 7 + 1) / 4 and (4 + 2 + 6) / 3.
        Assert.Equal(4.5, Number(total, "averageWaitMinutes"));
        Assert.Equal(4.0, Number(total, "averageServiceMinutes"));
        Assert.Equal(7.0, Number(range, "longestWaitMinutes"));
        var days = range["days"]!.AsArray();
        Assert.Equal([Iso(first), Iso(first.AddDays(1))], days.Select(d => d.Str("day")));
        Assert.Equal(1.0, Number(days[1]!["figures"], "averageWaitMinutes"));
        Assert.Equal(4, range["perHour"]!.AsArray().Sum(h => h!["issued"]!.GetValue<int>()));
        Assert.Equal(3, range["perHour"]!.AsArray().Sum(h => h!["served"]!.GetValue<int>()));

        var empty = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/statistics/figures?from={Iso(first.AddDays(-3))}&to={Iso(first.AddDays(-1))}");
        Assert.Equal(0, empty["total"]!["issued"]!.GetValue<int>());
        Assert.Null(empty["total"]!["averageWaitMinutes"]?.GetValue<double?>());
        Assert.Empty(empty["days"]!.AsArray());
    }

    [Fact]
    public async Task BadPeriodRolesAndHalls_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var url = $"/api/halls/{hall.Id}/statistics/figures";
        var today = Iso(app.Today);
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).GetAsync($"{url}?from={today}&to={Iso(app.Today.AddDays(366))}"),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).GetAsync($"{url}?from={today}&to={today}"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"{url}?from={today}&to={today}"), HttpStatusCode.Forbidden, "OtherHall");
    }
}

public sealed class SqlitePastFiguresTests(SqliteHallApp app) : PastFiguresTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPastFiguresTests(PostgresHallApp app) : PastFiguresTests(app), IClassFixture<PostgresHallApp>;
