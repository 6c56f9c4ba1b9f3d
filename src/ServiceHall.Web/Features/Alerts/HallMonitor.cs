using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Infrastructure;
using ServiceHall.Web.Realtime;

namespace ServiceHall.Web.Features.Alerts;

/// <summary>
/// Keeps screens and alerts current: after queue changes (coalesced, at most every
/// <c>Monitor:CoalesceMilliseconds</c>) it scans alerts and pushes a fresh overview of that hall;
/// every <c>Monitor:ScanSeconds</c> it scans every hall, for conditions that grow with time alone
/// (a wait passing 10 minutes, a pause running long).
/// </summary>
public sealed class HallMonitor(IServiceScopeFactory scopes, DirtyHalls dirty, IHubContext<HallHub, IHallClient> hub,
    HallEventFeed feed, IConfiguration configuration, ILogger<HallMonitor> logger) : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(configuration.GetValue("Monitor:ScanSeconds", 15));

    private readonly PhoneLinePacing _phoneLines = new(TimeSpan.FromSeconds(configuration.GetValue("Monitor:PhoneLineSeconds", 5.0)));

    /// <summary>Halls with a scan already due for their held phone lines.</summary>
    private readonly ConcurrentDictionary<Guid, byte> _rescans = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(OnChangesAsync(stoppingToken), base.ExecuteAsync(stoppingToken));

    private async Task OnChangesAsync(CancellationToken ct)
    {
        var coalesce = TimeSpan.FromMilliseconds(configuration.GetValue("Monitor:CoalesceMilliseconds", 500));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var halls = await dirty.WaitAndTakeAsync(ct);
                foreach (var hallId in halls)
                {
                    using var scope = Scopes.CreateScope();
                    await ScanHallAsync(scope.ServiceProvider, hallId, ct);
                }
                await Task.Delay(coalesce, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Refreshing changed halls failed");
            }
        }
    }

    /// <summary>Scans the hall's alerts and pushes a fresh overview of its queue.</summary>
    protected override async Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct)
    {
        // One read of the queue's statistics serves the alert scan and the overview; under the hall's lock, so that
        // alerts and overviews follow each other in the order of the readings.
        var db = services.GetRequiredService<HallDbContext>();
        await using var scanning = await HallScanLock.TakeAsync(db, hallId, ct);
        var stats = await QueueStats.ReadAsync(db, hallId, ct);
        await services.GetRequiredService<ScanAlerts>().HandleAsync(hallId, stats, ct);
        var overview = await services.GetRequiredService<GetQueueOverview>().HandleAsync(hallId, stats, ct);
        feed.Publish(new HallEvent(hallId, HallEventKind.QueueChanged, overview));
        await hub.Clients.Group(HallGroups.Hall(hallId)).QueueChanged(overview);
        // Phones get their item's line of the overview and no alerts, paced: a held line goes out on a scan when its wait ends.
        TimeSpan? held = null;
        foreach (var item in overview.Items)
        {
            if (_phoneLines.Offer(hallId, item.ServiceItemId, Monotonic) is { } wait)
                held = held < wait ? held : wait;
            else
                await hub.Clients.Group(HallGroups.Item(hallId, item.ServiceItemId)).QueueChanged(overview with { Items = [item], Alerts = [] });
        }
        if (held is { } delay && _rescans.TryAdd(hallId, 0))
            _ = Task.Delay(delay).ContinueWith(_ =>
            {
                _rescans.TryRemove(hallId, out var _);
                dirty.Mark(hallId);
            }, TaskScheduler.Default);
    }

    /// <summary>Pacing counts real seconds, whatever the hall's clock says (a test's clock may stand still).</summary>
    private static TimeSpan Monotonic => TimeSpan.FromMilliseconds(Environment.TickCount64);
}
