using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.Web.Features.Cases;

/// <summary>
/// Scans every hall's case deadlines and inquiry promises every <c>Deadlines:ScanSeconds</c> (default
/// 60): deadlines move with time alone, so a periodic scan is the whole trigger.
/// </summary>
public sealed class DeadlineMonitor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Deadlines:ScanSeconds", 60)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    List<Guid> halls;
                    using (var scope = scopes.CreateScope())
                        halls = await scope.ServiceProvider.GetRequiredService<HallDbContext>().Halls.Select(h => h.Id).ToListAsync(stoppingToken);
                    foreach (var hallId in halls)
                    {
                        using var scope = scopes.CreateScope();
                        await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hallId, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Deadline scan failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
