using ServiceHall.Core.Features.Alerts;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Alerts;

public static class AlertEndpoints
{
    public static void AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListAlerts>();
        builder.Services.AddScoped<ScanAlerts>();
        builder.Services.AddScoped<ReconcileAlerts>();
        builder.Services.AddHostedService<HallMonitor>();
    }

    public static void MapAlertEndpoints(this WebApplication app)
    {
        app.MapGet("/api/halls/{hallId:guid}/alerts", (Guid hallId, ListAlerts list, CancellationToken ct) => list.HandleAsync(hallId, ct))
            .WithTags("Alerts").WithName("ListAlerts")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
