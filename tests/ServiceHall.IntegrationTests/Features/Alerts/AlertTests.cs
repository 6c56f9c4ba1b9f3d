using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.IntegrationTests.Realtime;

namespace ServiceHall.IntegrationTests.Features.Alerts;

public abstract class AlertTests(HallApp app)
{
    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, CancellationToken.None);
    }

    private Task<List<Alert>> OpenAlertsAsync(Guid hallId) =>
        app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null).ToListAsync());

    [Fact]
    public async Task QueueOverThreshold_RaisedOncePushedAndClearedWhenShorter()
    {
        var hall = await TestHall.CreateAsync(app, maxWaiting: 3, configure: h => h.UnstaffedGraceMinutes = 600);
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);
        var kiosk = app.Api(hall.Kiosk);
        for (var i = 0; i < 4; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await ScanAsync(hall.Id);
        await ScanAsync(hall.Id);

        var raised = await screen.WaitForAsync("AlertRaised", e => e["kind"]!.GetValue<string>() == "queueTooLong");
        Assert.Equal(4, raised["value"]!.GetValue<int>());
        Assert.Equal(3, raised["threshold"]!.GetValue<int>());
        var open = await OpenAlertsAsync(hall.Id);
        Assert.Single(open, a => a.Kind == AlertKind.QueueTooLong && a.ServiceItemId == hall.Item("A"));
        var listed = await app.Api(hall.Supervisor).GetOkAsync<List<System.Text.Json.Nodes.JsonObject>>($"/api/halls/{hall.Id}/alerts");
        Assert.Single(listed, a => a["kind"]!.GetValue<string>() == "queueTooLong");

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var called = await staff.CallNextAsync(hall.Counters[0]);
        await ScanAsync(hall.Id);
        await screen.WaitForAsync("AlertCleared", e => e["kind"]!.GetValue<string>() == "queueTooLong");
        Assert.DoesNotContain(await OpenAlertsAsync(hall.Id), a => a.Kind == AlertKind.QueueTooLong);
        Assert.NotNull(called);
    }

    [Fact]
    public async Task ScansRunningTogether_WhileTheQueueGrows_RaiseTheConditionOnceAndKeepIt()
    {
        // The monitor's scan after each change, the periodic one and another node's run side by side. A scan that read the
        // queue before a ticket was committed must not clear the alert a later reading raised (it did: the alert flapped,
        // raised, cleared and raised again, and the history listed it twice).
        var hall = await TestHall.CreateAsync(app, prefixes: ["A", "B", "C", "D", "E", "F", "G", "H"], maxWaiting: 2, configure: h => h.UnstaffedGraceMinutes = 600);
        var kiosk = app.Api(hall.Kiosk);
        using var stop = new CancellationTokenSource();
        var scans = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                await ScanAsync(hall.Id);
        })).ToArray();
        foreach (var prefix in hall.Items.Keys)
            for (var i = 0; i < 6; i++)
                await kiosk.IssueAsync(hall.Id, hall.Item(prefix));
        await stop.CancelAsync();
        await Task.WhenAll(scans);
        await ScanAsync(hall.Id);

        var alerts = await app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hall.Id && a.Kind == AlertKind.QueueTooLong).ToListAsync());
        Assert.All(hall.Items.Values, item => Assert.Single(alerts, a => a.ServiceItemId == item));
        Assert.All(alerts, a => Assert.Null(a.ClearedAt));
    }

    [Fact]
    public async Task OldestWaitOverThreshold_Raised()
    {
        var hall = await TestHall.CreateAsync(app, maxWaitMinutes: 10, configure: h => h.UnstaffedGraceMinutes = 600);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        await ScanAsync(hall.Id);
        Assert.DoesNotContain(await OpenAlertsAsync(hall.Id), a => a.Kind == AlertKind.WaitTooLong);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await ScanAsync(hall.Id);
        var alert = Assert.Single(await OpenAlertsAsync(hall.Id), a => a.Kind == AlertKind.WaitTooLong);
        Assert.Equal(hall.Item("B"), alert.ServiceItemId);
        Assert.Equal(11, alert.Value);
    }

    [Fact]
    public async Task UnstaffedCounter_RaisedAfterGraceAndClearedWhenOpened()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: h =>
        {
            h.OpensAt = new TimeOnly(app.LocalTime.Hour, app.LocalTime.Minute).AddMinutes(-10);
            h.UnstaffedGraceMinutes = 5;
        });
        await ScanAsync(hall.Id);
        Assert.Single(await OpenAlertsAsync(hall.Id), a => a.Kind == AlertKind.CounterUnstaffed && a.CounterId == hall.Counters[0]);

        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        await ScanAsync(hall.Id);
        Assert.Empty(await OpenAlertsAsync(hall.Id));
    }

    [Fact]
    public async Task PauseWithoutSubstitutePastLimit_Raised_WithSubstituteNot()
    {
        var hall = await TestHall.CreateAsync(app, counters: 2, staff: 3, configure: h =>
        {
            h.MaxPauseMinutesWithoutSubstitute = 10;
            h.UnstaffedGraceMinutes = 600;
        });
        var alone = app.Api(hall.Staff[0]);
        var covered = app.Api(hall.Staff[1]);
        await alone.OpenAsync(hall.Counters[0]);
        await covered.OpenAsync(hall.Counters[1]);
        await alone.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/pause", new { reason = "临时离开" });
        await covered.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[1]}/pause",
            new { reason = "会议", substituteUserId = await TestHall.UserIdAsync(app, hall.Staff[2]) });
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await ScanAsync(hall.Id);

        var alert = Assert.Single(await OpenAlertsAsync(hall.Id));
        Assert.Equal(AlertKind.CounterPausedTooLong, alert.Kind);
        Assert.Equal(hall.Counters[0], alert.CounterId);
        await alone.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/resume");
        await ScanAsync(hall.Id);
        Assert.Empty(await OpenAlertsAsync(hall.Id));
    }
}

public sealed class SqliteAlertTests(SqliteHallApp app) : AlertTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAlertTests(PostgresHallApp app) : AlertTests(app), IClassFixture<PostgresHallApp>;
