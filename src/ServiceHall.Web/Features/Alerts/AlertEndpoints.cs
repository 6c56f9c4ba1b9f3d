using ServiceHall.Core.Features.Alerts;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Alerts;

public static class AlertEndpoints
{
    public static void AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListAlerts>();
        builder.Services.AddScoped<AcknowledgeAlert>();
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
        // A supervisor takes an alert on: who and when are kept for the dashboard and the alert history.
        app.MapPost("/api/halls/{hallId:guid}/alerts/{alertId:guid}/acknowledge",
                (Guid hallId, Guid alertId, AcknowledgeAlert acknowledge, HttpContext http, CancellationToken ct) =>
                    acknowledge.HandleAsync(hallId, alertId, http.User.UserId(), ct))
            .WithTags("Alerts").WithName("AcknowledgeAlert")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
