using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Nodes;
using ServiceHall.Web.Features.Nodes;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Scans every hall at a fixed period, each hall in its own scope: for the rules that change with
/// time alone (a wait passing its limit, a deadline passing), where a periodic scan is the whole
/// trigger. A failed round is logged and the next one runs as usual.
/// With several nodes one round runs per period across them all: the node holding the scan's lease
/// (<see cref="TakeScanLease"/>, named after the scan) runs it, and a node that stops renewing hands it over.
/// </summary>
public abstract class PeriodicHallScan(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected abstract TimeSpan Period { get; }

    protected abstract Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct);

    private string LeaseName => GetType().Name;

    private string NodeName()
    {
        using var scope = Scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<NodeIdentity>().Name;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var node = NodeName();
        var lease = LeaseRule.LeaseFor(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    List<Guid> halls;
                    using (var scope = Scopes.CreateScope())
                    {
                        if (!await scope.ServiceProvider.GetRequiredService<TakeScanLease>().HandleAsync(LeaseName, node, lease, stoppingToken))
                            continue;
                        halls = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Halls.Select(h => h.Id).ToListAsync(stoppingToken);
                    }
                    foreach (var hallId in halls)
                    {
                        using var scope = Scopes.CreateScope();
                        await ScanHallAsync(scope.ServiceProvider, hallId, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Scan} failed", GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A node shutting down gives its leases up: the next node's tick takes them without waiting out the expiry.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            using var scope = Scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ReleaseScanLease>()
                .HandleAsync(LeaseName, NodeName(), cancellationToken);
        }
        catch (Exception ex)
        {
            // The lease then expires as if the node had died.
            logger.LogWarning(ex, "{Scan} could not release its lease", GetType().Name);
        }
    }
}
