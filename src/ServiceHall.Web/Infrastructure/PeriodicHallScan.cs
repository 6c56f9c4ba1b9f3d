using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Scans every hall at a fixed period, each hall in its own scope: for the rules that change with
/// time alone (a wait passing its limit, a deadline passing), where a periodic scan is the whole
/// trigger. A failed round is logged and the next one runs as usual.
/// </summary>
public abstract class PeriodicHallScan(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected abstract TimeSpan Period { get; }

    protected abstract Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    List<Guid> halls;
                    using (var scope = Scopes.CreateScope())
                        halls = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Halls.Select(h => h.Id).ToListAsync(stoppingToken);
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
}
