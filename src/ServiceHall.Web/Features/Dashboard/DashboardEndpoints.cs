using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Dashboard;

/// <summary>S8: the supervisor's live view, also for integrators (a wallboard, a city overview).</summary>
public static class DashboardEndpoints
{
    public static void AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetDashboard>();
    }

    public static void MapDashboardEndpoints(this WebApplication app)
    {
        app.MapGet("/api/halls/{hallId:guid}/dashboard", (Guid hallId, GetDashboard get, CancellationToken ct) => get.HandleAsync(hallId, ct))
            .WithTags("Dashboard").WithName("GetDashboard")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
