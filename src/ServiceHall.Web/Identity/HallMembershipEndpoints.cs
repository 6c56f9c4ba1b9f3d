using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>
/// The halls a person works in, with a role in each (ADR-032): administrators list, grant (or change the role of) and
/// remove them. Every change is kept in the membership audit trail.
/// </summary>
public static class HallMembershipEndpoints
{
    public static void AddHallMemberships(this IServiceCollection services)
    {
        services.AddScoped<ListHallMemberships>();
        services.AddScoped<GrantHallMembership>();
        services.AddScoped<RemoveHallMembership>();
        services.AddScoped<SwitchActiveHall>();
        services.AddScoped<SeedDemoMemberships>();
    }

    public static void MapHallMembershipEndpoints(this WebApplication app)
    {
        var halls = app.MapGroup("/api/admin/users/{userId:guid}").WithTags("Admin")
            .RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        halls.MapGet("/halls", (Guid userId, ListHallMemberships list, CancellationToken ct) => list.HandleAsync(userId, ct))
            .WithName("ListHallMemberships");
        halls.MapPut("/halls/{hallId:guid}", (Guid userId, Guid hallId, GrantHallMembershipRequest request, GrantHallMembership grant,
            HttpContext http, CancellationToken ct) => grant.HandleAsync(userId, hallId, request, http.User.UserId(), ct))
            .WithName("GrantHallMembership");
        halls.MapDelete("/halls/{hallId:guid}", (Guid userId, Guid hallId, RemoveHallMembership remove, HttpContext http, CancellationToken ct) =>
            remove.HandleAsync(userId, hallId, http.User.UserId(), ct)).WithName("RemoveHallMembership");
    }
}
