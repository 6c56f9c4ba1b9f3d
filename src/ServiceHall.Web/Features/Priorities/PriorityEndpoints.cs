using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Standards;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Priorities;

/// <summary>
/// A hall's priority categories (Q2, ADR-031): the public list the kiosk offers, the administrator's settings, the
/// counter's check of a claim, and the fairness figures of the checks.
/// </summary>
public static class PriorityEndpoints
{
    public static void AddPriorities(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ListPriorityCategories>();
        s.AddScoped<SavePriorityCategory>();
        s.AddScoped<EnsurePriorityCategories>();
        s.AddScoped<CheckPriorityClaim>();
        s.AddScoped<GetPriorityClaim>();
        s.AddScoped<GetPriorityClaimFigures>();
    }

    public static void MapPriorityEndpoints(this WebApplication app)
    {
        // Public, as the hall's items are: the kiosk and integrators read what they may claim.
        app.MapGet("/api/halls/{hallId:guid}/priority-categories",
                (Guid hallId, ListPriorityCategories list, CancellationToken ct) => list.HandleAsync(hallId, includeInactive: false, ct))
            .WithTags("Priorities").WithName("ListPriorityCategories").ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/halls/{hallId:guid}/priority-claims", (Guid hallId, DateOnly? from, DateOnly? to, GetPriorityClaimFigures get,
                HttpContext http, CancellationToken ct) => get.HandleAsync(hallId, http.User.UserId(), from, to, ct))
            .WithTags("Priorities").WithName("GetPriorityClaimFigures")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/api/admin/halls/{hallId:guid}/priority-categories").WithTags("Priorities")
            .RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("", (Guid hallId, ListPriorityCategories list, CancellationToken ct) => list.HandleAsync(hallId, includeInactive: true, ct))
            .WithName("AdminListPriorityCategories");
        admin.MapPost("", async (Guid hallId, PriorityCategoryRequest request, SavePriorityCategory save, CancellationToken ct) =>
        {
            var category = await save.CreateAsync(hallId, request, ct);
            return TypedResults.Created($"/api/admin/halls/{hallId}/priority-categories/{category.Id}", category);
        }).WithName("CreatePriorityCategory");
        admin.MapPut("/{categoryId:guid}", (Guid hallId, Guid categoryId, PriorityCategoryRequest request, SavePriorityCategory save,
            CancellationToken ct) => save.UpdateAsync(hallId, categoryId, request, ct)).WithName("UpdatePriorityCategory");

        var claim = app.MapGroup("/api/counters/{counterId:guid}/tickets/{ticketId:guid}/priority-claim").WithTags("Priorities")
            .RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        claim.MapPost("/verify", (Guid counterId, Guid ticketId, CheckPriorityClaim check, HttpContext http, CancellationToken ct) =>
            check.VerifyAsync(counterId, http.User.UserId(), ticketId, ct)).WithName("VerifyPriorityClaim");
        claim.MapPost("/downgrade", (Guid counterId, Guid ticketId, DowngradeClaimRequest request, CheckPriorityClaim check, HttpContext http,
            CancellationToken ct) => check.DowngradeAsync(counterId, http.User.UserId(), ticketId, request, ct)).WithName("DowngradePriorityClaim");
    }
}
