using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Staffing;

/// <summary>Q5 with a number: a queue over its threshold on the dashboard says how many more counters it needs.</summary>
public abstract class DashboardAdviceTests(HallApp app)
{
    [Fact]
    public async Task Dashboard_QueueOverThreshold_AdviceFromErlangCAndBacklog()
    {
        var hall = await TestHall.CreateAsync(app, ["A", "B"], counters: 2);
        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        var kiosk = app.Api();
        for (var i = 0; i < 14; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await kiosk.IssueAsync(hall.Id, hall.Item("B"));

        var dashboard = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        var items = dashboard["items"]!.AsArray();
        var a = items.Single(i => i!["queue"]!["prefix"]!.GetValue<string>() == "A")!;
        var advice = a["advice"]!;
        // 14 waiting at the item's expected 5 minutes: 7 counters call them all within 10 minutes; one is open.
        Assert.Equal(14, advice["waiting"]!.GetValue<int>());
        Assert.Equal(1, advice["openCounters"]!.GetValue<int>());
        Assert.Equal(6, advice["moreCounters"]!.GetValue<int>());
        Assert.Equal(10, advice["targetWaitMinutes"]!.GetValue<int>());
        Assert.Equal(14, advice["arrivalsLastHour"]!.GetValue<double>());
        // A queue under its thresholds gets no advice.
        Assert.Null(items.Single(i => i!["queue"]!["prefix"]!.GetValue<string>() == "B")!["advice"]);
    }
}

public sealed class SqliteDashboardAdviceTests(SqliteHallApp app) : DashboardAdviceTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDashboardAdviceTests(PostgresHallApp app) : DashboardAdviceTests(app), IClassFixture<PostgresHallApp>;
