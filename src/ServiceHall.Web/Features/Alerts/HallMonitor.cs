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
        // One read of the queue's statistics serves the alert scan and the overview.
        var stats = await QueueStats.ReadAsync(services.GetRequiredService<HallDbContext>(), hallId, ct);
        await services.GetRequiredService<ScanAlerts>().HandleAsync(hallId, stats, ct);
        var overview = await services.GetRequiredService<GetQueueOverview>().HandleAsync(hallId, stats, ct);
        feed.Publish(new HallEvent(hallId, HallEventKind.QueueChanged, overview));
        await hub.Clients.Group(HallGroups.Hall(hallId)).QueueChanged(overview);
        // Phones get their item's line of the overview, this coalesced one per change, and no alerts.
        foreach (var item in overview.Items)
            await hub.Clients.Group(HallGroups.Item(hallId, item.ServiceItemId)).QueueChanged(overview with { Items = [item], Alerts = [] });
    }
}
