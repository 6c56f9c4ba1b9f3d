using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Visits;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Visits;

/// <summary>Multi-step visits (挂号 → 缴费 → 取药) and a pharmacy's ready-to-collect mode (ADR-029).</summary>
public static class VisitEndpoints
{
    public static void AddVisits(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MarkTicketReady>();
        builder.Services.AddScoped<GetVisitBoard>();
    }

    public static void MapVisitEndpoints(this WebApplication app)
    {
        // Public like the list of calls: numbers and items only, for the display.
        app.MapGet("/api/halls/{hallId:guid}/visit-board", (Guid hallId, GetVisitBoard get, CancellationToken ct) => get.HandleAsync(hallId, ct))
            .WithTags("Visits").WithName("GetVisitBoard").ProducesProblem(StatusCodes.Status404NotFound);

        var ticket = app.MapGroup("/api/counters/{counterId:guid}/tickets/{ticketId:guid}").WithTags("Visits")
            .RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ticket.MapPost("/ready", (Guid counterId, Guid ticketId, MarkTicketReady ready, HttpContext http, CancellationToken ct) =>
            ready.HandleAsync(counterId, http.User.UserId(), ticketId, ct)).WithName("MarkTicketReady");
    }
}
