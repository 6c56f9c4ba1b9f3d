using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>What the supervision features share: their numbers, the working-day calendar, policies, the public-form limit and the deadline scan.</summary>
public static class SupervisionSetup
{
    public const string RatingPadPolicy = "rating-pad";
    public const string ConductCheckPolicy = "conduct-check";
    public const string PublicFormPolicy = "public-form";

    public static void AddSupervision(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SupervisionOptions>(builder.Configuration.GetSection("Supervision"));
        services.AddScoped<IWorkingDays, HallWorkingDays>();
        services.AddScoped<HallSupervisionRules>();
        services.AddScoped<UpdateSupervisionSettings>();
        services.AddScoped<GetSupervisionDirectory>();
        services.AddScoped<ScanSupervisionDeadlines>();
        services.AddHostedService<SupervisionMonitor>();
        services.AddAuthorizationBuilder()
            .AddPolicy(RatingPadPolicy, p => p.RequireRole(Roles.RatingPad, Roles.Supervisor, Roles.Admin))
            .AddPolicy(ConductCheckPolicy, p => p.RequireRole(Roles.Staff, Roles.Supervisor, Roles.Admin));
        var permits = builder.Configuration.GetValue("RateLimits:AnonymousTicketsPerWindow", 10);
        var window = TimeSpan.FromSeconds(builder.Configuration.GetValue("RateLimits:WindowSeconds", 600));
        // Citizens' public forms (complaint, rating from the phone) are limited per address like ticket issue.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PublicFormPolicy, context =>
            context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "form:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })));
    }

    /// <summary>A hall's supervision rules: supervisors read them, administrators set them.</summary>
    public static void MapSupervisionSettingsEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/halls/{hallId:guid}/supervision-settings").WithTags("Supervision").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("", (Guid hallId, UpdateSupervisionSettings settings, HttpContext http, CancellationToken ct) =>
                settings.GetAsync(hallId, http.User.UserId(), ct))
            .WithName("GetSupervisionSettings").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPut("", (Guid hallId, SupervisionSettingsRequest request, UpdateSupervisionSettings settings, HttpContext http, CancellationToken ct) =>
                settings.HandleAsync(hallId, http.User.UserId(), request, ct))
            .WithName("UpdateSupervisionSettings").RequireAuthorization(IdentitySetup.AdminPolicy);
    }
}
