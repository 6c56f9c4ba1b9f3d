using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Queue;

/// <summary>
/// Ends each hall's business day by itself (Q7): every <c>BusinessDay:ScanSeconds</c> (default 60) the
/// tickets of a day past closing plus its grace expire and the day closes. One node runs it (its lease, ADR-019); safe on several at once.
/// </summary>
public sealed class DayEndMonitor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DayEndMonitor> logger)
    : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(configuration.GetValue("BusinessDay:ScanSeconds", 60));

    protected override Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct) =>
        services.GetRequiredService<EndBusinessDay>().HandleAsync(hallId, ct);
}
