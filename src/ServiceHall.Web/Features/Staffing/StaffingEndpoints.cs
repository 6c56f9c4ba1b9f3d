using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Staffing;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Staffing;

/// <summary>B1 staffing advice: the public Erlang C formula, and a hall's staffing plan with its target and planned counters.</summary>
public static class StaffingEndpoints
{
    /// <summary>People's accounts of any role: an integrator signs in with one; devices have no use for the formula.</summary>
    public const string ErlangCPolicy = "erlang-c";

    public static void AddStaffing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ComputeErlangC>();
        builder.Services.AddScoped<UpdateStaffingSettings>();
        builder.Services.AddScoped<SetPlannedCounters>();
        builder.Services.AddScoped<GetStaffingPlan>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ErlangCPolicy, p => p.RequireRole(Roles.Staff, Roles.Supervisor, Roles.Admin));
    }

    public static void MapStaffingEndpoints(this WebApplication app)
    {
        app.MapGet("/api/staffing/erlang-c", (double? arrivalsPerHour, double? serviceMinutes, double? targetWaitMinutes, double? serviceLevel,
                ComputeErlangC erlang) => erlang.Handle(new ErlangCRequest(arrivalsPerHour, serviceMinutes, targetWaitMinutes, serviceLevel)))
            .WithTags("Staffing").WithName("ComputeErlangC").RequireAuthorization(ErlangCPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var hall = app.MapGroup("/api/halls/{hallId:guid}/staffing").WithTags("Staffing")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        hall.MapGet("/plan", (Guid hallId, DateOnly? from, int? days, GetStaffingPlan plan, HttpContext http, CancellationToken ct) =>
            plan.HandleAsync(hallId, from, days, http.User.UserId(), ct)).WithName("GetStaffingPlan");
        hall.MapGet("/settings", (Guid hallId, UpdateStaffingSettings settings, HttpContext http, CancellationToken ct) =>
            settings.GetAsync(hallId, http.User.UserId(), ct)).WithName("GetStaffingSettings");
        hall.MapPut("/settings", (Guid hallId, StaffingSettingsRequest request, UpdateStaffingSettings settings, HttpContext http,
            CancellationToken ct) => settings.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("UpdateStaffingSettings");
        hall.MapPut("/planned-counters", (Guid hallId, PlannedCountersRequest request, SetPlannedCounters planned, HttpContext http,
            CancellationToken ct) => planned.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("SetPlannedCounters");
    }
}
