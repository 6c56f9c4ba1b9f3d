using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>Scans every hall's follow-up and complaint deadlines every <c>Supervision:ScanSeconds</c>; overdue ones raise alerts.</summary>
public sealed class SupervisionMonitor(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, ILogger<SupervisionMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
                    var scan = scope.ServiceProvider.GetRequiredService<ScanSupervisionDeadlines>();
                    foreach (var hallId in await db.Halls.Select(h => h.Id).ToListAsync(stoppingToken))
                        await scan.HandleAsync(hallId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Supervision deadline scan failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
