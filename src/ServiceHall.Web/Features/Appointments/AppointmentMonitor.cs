using ServiceHall.Core.Features.Appointments;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Appointments;

/// <summary>
/// Records no-shows (爽约) once a slot's check-in window has closed: every <c>Appointments:ScanSeconds</c> (default 60).
/// One node runs it (its lease, ADR-019); safe on several at once.
/// </summary>
public sealed class AppointmentMonitor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AppointmentMonitor> logger)
    : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(configuration.GetValue("Appointments:ScanSeconds", 60));

    protected override Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct) =>
        services.GetRequiredService<RecordNoShows>().HandleAsync(hallId, ct);
}
