using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Dashboard;

/// <summary>S8: GET /api/halls/{hallId}/dashboard, the supervisor's live view for integrators.</summary>
public abstract class DashboardTests(HallApp app)
{
    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, CancellationToken.None);
    }

    private static JsonObject Item(JsonObject dashboard, Guid itemId) =>
        dashboard["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["queue"]!["serviceItemId"]!.GetValue<Guid>() == itemId);

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("staff1", HttpStatusCode.Forbidden)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    [InlineData("display1", HttpStatusCode.Forbidden)]
    public async Task Dashboard_WithoutSupervisorRole_Refused(string? user, HttpStatusCode expected)
    {
        var hall = await app.DemoHallAsync();
        await Expect.ProblemAsync(await app.Api(user).GetAsync($"/api/halls/{hall.Id}/dashboard"), expected);
    }

    // A hall-bound supervisor is refused any hall but theirs before it is looked up (ADR-017); a city-wide administrator is told it does not exist.
    [Fact]
    public async Task Dashboard_UnknownHall_NotFound()
    {
        await Expect.ProblemAsync(await app.Api("admin").GetAsync($"/api/halls/{Guid.NewGuid()}/dashboard"),
            HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await app.Api("supervisor").GetAsync($"/api/halls/{Guid.NewGuid()}/dashboard"),
            HttpStatusCode.Forbidden, "OtherHall");
    }

    [Fact]
    public async Task Dashboard_QueueColoursCountersAlertsAndTodaysFigures()
    {
        var hall = await TestHall.CreateAsync(app, maxWaiting: 5, configure: h => h.UnstaffedGraceMinutes = 24 * 60);
        var kiosk = app.Api(hall.Kiosk);
        for (var i = 0; i < 4; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var supervisor = app.Api(hall.Supervisor);
        var dashboard = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        Assert.Equal("amber", Item(dashboard, hall.Item("A"))["colour"]!.GetValue<string>());
        Assert.Equal("green", Item(dashboard, hall.Item("B"))["colour"]!.GetValue<string>());

        for (var i = 0; i < 2; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        await ScanAsync(hall.Id);
        dashboard = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        var itemA = Item(dashboard, hall.Item("A"));
        Assert.Equal("red", itemA["colour"]!.GetValue<string>());
        Assert.Equal(6, itemA["queue"]!["waiting"]!.GetValue<int>());
        var alert = Assert.Single(dashboard["alerts"]!.AsArray())!;
        Assert.Equal("queueTooLong", alert["alert"]!["kind"]!.GetValue<string>());
        Assert.Equal("A", alert["serviceItemPrefix"]!.GetValue<string>());
        Assert.Equal("事项 A", alert["serviceItemName"]!.GetValue<string>());

        // One served in 4 minutes after waiting 3; another called and being served.
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var first = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], first.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await staff.ActAsync(hall.Counters[0], first.Id, "finish");
        var second = (await staff.CallNextAsync(hall.Counters[0]))!;

        dashboard = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        var today = dashboard["today"]!;
        Assert.Equal(7, today["issued"]!.GetValue<int>());
        Assert.Equal(1, today["served"]!.GetValue<int>());
        Assert.Equal(5, today["waiting"]!.GetValue<int>());
        Assert.Equal(4.0, today["averageServiceMinutes"]!.GetValue<double>());
        // Waits: 3 minutes for the first, 7 for the second (called after the first was served).
        Assert.Equal(5.0, today["averageWaitMinutes"]!.GetValue<double>());
        var hours = dashboard["perHour"]!.AsArray();
        Assert.Equal(7, hours.Sum(h => h!["issued"]!.GetValue<int>()));
        Assert.Equal(1, hours.Sum(h => h!["served"]!.GetValue<int>()));
        Assert.Equal(7, hours.Single(h => h!["hour"]!.GetValue<int>() == app.LocalTime.Hour)!["issued"]!.GetValue<int>());

        var counter = dashboard["counters"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == hall.Counters[0])!;
        Assert.Equal("open", counter["state"]!.GetValue<string>());
        Assert.Equal(hall.Staff[0], counter["staffName"]!.GetValue<string>());
        Assert.Equal(second.Number, counter["currentTicketNumber"]!.GetValue<string>());
        Assert.Equal(0, itemA["openCounters"]!.GetValue<int>());
        Assert.Equal(1, Item(dashboard, hall.Item("A"))["openCounters"]!.GetValue<int>());
    }
}

public sealed class SqliteDashboardTests(SqliteHallApp app) : DashboardTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDashboardTests(PostgresHallApp app) : DashboardTests(app), IClassFixture<PostgresHallApp>;
