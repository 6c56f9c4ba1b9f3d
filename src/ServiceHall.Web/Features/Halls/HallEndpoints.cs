using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceHall.Core;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Halls;

public static class HallEndpoints
{
    public static void AddHalls(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListHalls>();
        builder.Services.AddScoped<ListServiceItems>();
        builder.Services.AddScoped<ListCounters>();
        builder.Services.AddScoped<ListRecentCalls>();
        builder.Services.AddScoped<SeedDemoHall>();
        builder.Services.AddScoped<SeedDemoKindHalls>();
        builder.Services.AddScoped<CloseBusinessDay>();
        builder.Services.AddScoped<GetBusinessDay>();
        builder.Services.AddHallConfig();
    }

    public static void MapHallEndpoints(this WebApplication app)
    {
        var halls = app.MapGroup("/api/halls").WithTags("Halls");
        // Public reads: kiosks, displays and citizens' phones need them without signing in.
        halls.MapGet("/", (ListHalls list, CancellationToken ct) => list.HandleAsync(ct)).WithName("ListHalls");
        halls.MapGet("/{hallId:guid}/service-items",
            (Guid hallId, ListServiceItems list, CancellationToken ct) => list.HandleAsync(hallId, ct)).WithName("ListServiceItems");
        // The public list: state, number called, a pause category (never its reason), staff and badge where the hall shows them.
        halls.MapGet("/{hallId:guid}/counters", (Guid hallId, ListCounters list, CancellationToken ct) => list.PublicAsync(hallId, ct))
            .WithName("ListCounters");
        halls.MapGet("/{hallId:guid}/recent-calls", (Guid hallId, int? limit, ListRecentCalls list, CancellationToken ct) =>
                list.HandleAsync(hallId, limit ?? 10, ct)).WithName("ListRecentCalls")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        halls.MapPost("/{hallId:guid}/business-days/{date}/close", CloseDayAsync).WithName("CloseBusinessDay")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
        app.MapHallConfigEndpoints();
    }

    private static async Task<NoContent> CloseDayAsync(Guid hallId, string date, CloseBusinessDay close,
        HttpContext http, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw DomainException.Invalid("date", ErrorCodes.InvalidDate);
        await close.HandleAsync(hallId, day, http.User.UserId(), ct);
        return TypedResults.NoContent();
    }
}
