using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Realtime;

namespace ServiceHall.Web.Features.Alerts;

/// <summary>
/// Keeps screens and alerts current: after queue changes (coalesced, at most every
/// <c>Monitor:CoalesceMilliseconds</c>) it scans alerts and pushes a fresh overview of that hall;
/// every <c>Monitor:ScanSeconds</c> it scans every hall, for conditions that grow with time alone
/// (a wait passing 10 minutes, a pause running long).
/// </summary>
public sealed class HallMonitor(IServiceScopeFactory scopes, DirtyHalls dirty, IHubContext<HallHub, IHallClient> hub,
    HallEventFeed feed, IConfiguration configuration, ILogger<HallMonitor> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(OnChangesAsync(stoppingToken), PeriodicallyAsync(stoppingToken));

    private async Task OnChangesAsync(CancellationToken ct)
    {
        var coalesce = TimeSpan.FromMilliseconds(configuration.GetValue("Monitor:CoalesceMilliseconds", 500));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var halls = await dirty.WaitAndTakeAsync(ct);
                foreach (var hallId in halls)
                    await RefreshAsync(hallId, ct);
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

    private async Task PeriodicallyAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Monitor:ScanSeconds", 15)));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    List<Guid> halls;
                    using (var scope = scopes.CreateScope())
                        halls = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Halls.Select(h => h.Id).ToListAsync(ct);
                    foreach (var hallId in halls)
                        await RefreshAsync(hallId, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Periodic alert scan failed");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync(Guid hallId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, ct);
        var overview = await scope.ServiceProvider.GetRequiredService<GetQueueOverview>().HandleAsync(hallId, ct);
        feed.Publish(new HallEvent(hallId, HallEventKind.QueueChanged, overview));
        await hub.Clients.Group(HallGroups.Hall(hallId)).QueueChanged(overview);
    }
}
