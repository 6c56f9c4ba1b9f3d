using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Admin;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Halls;

/// <summary>
/// Modules on or off per hall (P7): one gate for every route of a module, by <see cref="HallModules.Routes"/> — no endpoint
/// checks for itself. It runs after authorization (a caller of another hall still gets 403), finds the halls a request points
/// at as the hall policy does (<c>{hallId}</c>, or the hall of the case, complaint, booking… named in the route), and answers
/// 404 with a problem detail when one of them has the route's module off. Staff pages are gated in the layout instead.
/// </summary>
public static class HallModuleGate
{
    private static readonly ConcurrentDictionary<string, HallModule?> ByPattern = new();

    /// <summary>The module of an endpoint; null for a route of no module and for Blazor pages.</summary>
    public static HallModule? ModuleOf(Endpoint? endpoint) =>
        endpoint is RouteEndpoint route && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null
            ? ByPattern.GetOrAdd(route.RoutePattern.RawText ?? "", HallModules.OfRoute)
            : null;

    public static IApplicationBuilder UseHallModules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ModuleOf(context.GetEndpoint()) is { } module)
        {
            var halls = await context.RequestServices.GetRequiredService<HallScope.HallOfRequest>().OfAsync(context);
            if (halls.Count > 0)
            {
                var db = context.RequestServices.GetRequiredService<HallDbContext>();
                // One small read per request: a module switched off on any node is off at once.
                var off = await db.Halls.AsNoTracking().Where(h => halls.Contains(h.Id)).Select(h => h.ModulesOff)
                    .ToListAsync(context.RequestAborted);
                if (off.Any(o => !HallModules.IsOn(o, module)))
                {
                    await ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status404NotFound, HallConfigErrorCodes.ModuleNotUsed);
                    return;
                }
            }
        }
        await next(context);
    });
}
