using ServiceHall.Core.Features.Admin;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Halls;

/// <summary>
/// A hall's configuration by the administrator (issue 16): its modules, switched on or off and audited
/// (<c>/api/admin/halls/{hallId}/modules</c>), and the English names of the hall and its rows (<c>…/english-names</c>).
/// </summary>
public static class HallConfigEndpoints
{
    public static void AddHallConfig(this IServiceCollection services)
    {
        services.AddScoped<SetHallModules>();
        services.AddScoped<SetEnglishNames>();
    }

    public static void MapHallConfigEndpoints(this WebApplication app)
    {
        var hall = app.MapGroup("/api/admin/halls/{hallId:guid}").WithTags("Admin")
            .RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hall.MapGet("/modules", (Guid hallId, SetHallModules set, CancellationToken ct) => set.GetAsync(hallId, ct)).WithName("GetHallModules");
        hall.MapPut("/modules", (Guid hallId, HallModulesRequest request, SetHallModules set, HttpContext http, CancellationToken ct) =>
            set.HandleAsync(hallId, request, http.User.UserId(), ct)).WithName("SetHallModules");
        hall.MapGet("/english-names", (Guid hallId, SetEnglishNames set, CancellationToken ct) => set.GetAsync(hallId, ct))
            .WithName("GetEnglishNames");
        hall.MapPut("/english-names", (Guid hallId, EnglishNamesRequest request, SetEnglishNames set, CancellationToken ct) =>
            set.HandleAsync(hallId, request, ct)).WithName("SetEnglishNames");
    }
}
