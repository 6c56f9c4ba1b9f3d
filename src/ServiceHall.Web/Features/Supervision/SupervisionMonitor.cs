using Microsoft.Extensions.Options;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>Scans every hall's follow-up and complaint deadlines every <c>Supervision:ScanSeconds</c>; overdue ones raise alerts.</summary>
public sealed class SupervisionMonitor(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, ILogger<SupervisionMonitor> logger)
    : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanSeconds));

    protected override Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct) =>
        services.GetRequiredService<ScanSupervisionDeadlines>().HandleAsync(hallId, ct);
}
