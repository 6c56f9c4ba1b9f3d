using ServiceHall.Core.Features.Cases;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Cases;

/// <summary>Scans every hall's case deadlines and inquiry promises every <c>Deadlines:ScanSeconds</c> (default 60).</summary>
public sealed class DeadlineMonitor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineMonitor> logger)
    : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(configuration.GetValue("Deadlines:ScanSeconds", 60));

    protected override Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct) =>
        services.GetRequiredService<ScanDeadlines>().HandleAsync(hallId, ct);
}
