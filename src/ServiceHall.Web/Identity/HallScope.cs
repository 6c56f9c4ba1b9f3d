using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Features.Devices;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Identity;

/// <summary>
/// Halls apart (P1, P2, ADR-017): one authorization policy, put on a route group with
/// <see cref="RequireHall{TBuilder}"/>, finds the hall of the request from its route values — <c>{hallId}</c>
/// itself, or the hall of the ticket, counter, case… a route parameter names (<see cref="Resolvers"/>) — and
/// refuses a signed-in caller of another hall with 403 <c>OtherHall</c>, before the body is read. Administrators
/// act in every hall. Anonymous callers pass: what a public route lets them do is the route's own business.
/// </summary>
public static class HallScope
{
    public const string Policy = "hall";
    private const string Reason = "OtherHall";

    /// <summary>The hall of a resource by the route parameter that names it; null when it does not exist (the handler answers 404).</summary>
    public static readonly IReadOnlyDictionary<string, Func<HallDbContext, Guid, CancellationToken, Task<Guid?>>> Resolvers =
        new Dictionary<string, Func<HallDbContext, Guid, CancellationToken, Task<Guid?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["hallId"] = (_, id, _) => Task.FromResult<Guid?>(id),
            ["ticketId"] = (db, id, ct) => db.Tickets.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["counterId"] = (db, id, ct) => db.Counters.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["caseId"] = (db, id, ct) => db.Cases.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["inquiryId"] = (db, id, ct) => db.Inquiries.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["complaintId"] = (db, id, ct) => db.Complaints.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["ratingId"] = (db, id, ct) => db.Ratings.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["followUpId"] = (db, id, ct) => db.RatingFollowUps.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["alertId"] = (db, id, ct) => db.Alerts.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["deviceId"] = (db, id, ct) => db.Devices.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["departmentId"] = (db, id, ct) => db.Departments.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["itemId"] = (db, id, ct) => db.ServiceItems.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["phraseId"] = (db, id, ct) => db.ConductPhrases.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["checkId"] = (db, id, ct) => db.ConductChecks.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["findingId"] = (db, id, ct) => db.ConductFindings.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["cardId"] = (db, id, ct) => db.StandardCards.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["giftId"] = (db, id, ct) => db.GiftDeclarations.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["userId"] = (db, id, ct) => db.Users.Where(x => x.Id == id).Select(x => x.HallId).FirstOrDefaultAsync(ct),
            ["slotId"] = (db, id, ct) => db.AppointmentSlots.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
            ["bookingId"] = (db, id, ct) => db.Bookings.Where(x => x.Id == id).Select(x => (Guid?)x.HallId).FirstOrDefaultAsync(ct),
        };

    /// <summary>A user may move to another hall; every other resource stays in the hall it was made in, so its hall is cached.</summary>
    private static readonly HashSet<string> Movable = new(StringComparer.OrdinalIgnoreCase) { "userId" };

    /// <summary>Every route of the group checks the caller's hall (and keeps whatever roles its routes require).</summary>
    public static TBuilder RequireHall<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy);

    public static void AddHallScope(this IServiceCollection services)
    {
        services.AddSingleton<HallOfRequest>();
        services.AddSingleton<IAuthorizationHandler, HallScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HallScopeResultHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddRequirements(new HallScopeRequirement()));
    }

    /// <summary>The caller's own hall: a device's from its record, a person's from the sign-in claim; null for a city-wide administrator.</summary>
    public static Guid? CallerHall(HttpContext http) => http.Device()?.HallId ?? http.User.HallIdOf();

    /// <summary>May the caller act in this hall? Administrators everywhere; everybody else in their own hall only.</summary>
    public static bool MayActIn(System.Security.Claims.ClaimsPrincipal user, Guid? callerHall, Guid hallId) =>
        user.IsInRole(Roles.Admin) || callerHall == hallId;

    internal sealed class HallScopeRequirement : IAuthorizationRequirement;

    internal sealed class HallScopeHandler(HallOfRequest halls) : AuthorizationHandler<HallScopeRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, HallScopeRequirement requirement)
        {
            if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true
                || context.User.IsInRole(Roles.Admin))
            {
                context.Succeed(requirement);
                return;
            }
            var own = CallerHall(http);
            foreach (var hall in await halls.OfAsync(http))
            {
                if (hall != own)
                {
                    context.Fail(new AuthorizationFailureReason(this, Reason));
                    return;
                }
            }
            context.Succeed(requirement);
        }
    }

    /// <summary>The halls a request's route values point at; a resource that does not exist adds none.</summary>
    internal sealed class HallOfRequest(IServiceScopeFactory scopes)
    {
        private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

        public async Task<List<Guid>> OfAsync(HttpContext http)
        {
            var found = new List<Guid>();
            AsyncServiceScope? scope = null;
            try
            {
                foreach (var (name, value) in http.Request.RouteValues)
                {
                    if (!Resolvers.TryGetValue(name, out var resolve) || !Guid.TryParse(value?.ToString(), out var id))
                        continue;
                    var key = (name.ToLowerInvariant(), id);
                    if (!_cache.TryGetValue(key, out Guid? hall))
                    {
                        scope ??= scopes.CreateAsyncScope();
                        hall = await resolve(scope.Value.ServiceProvider.GetRequiredService<HallDbContext>(), id, http.RequestAborted);
                        if (hall is not null && !Movable.Contains(name))
                            _cache.Set(key, hall, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
                    }
                    if (hall is { } h)
                        found.Add(h);
                }
            }
            finally
            {
                if (scope is { } s)
                    await s.DisposeAsync();
            }
            return found;
        }
    }

    /// <summary>A refusal for another hall is a problem document with its code on the API; pages go the usual way (access denied).</summary>
    internal sealed class HallScopeResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
        {
            if (result.Forbidden && context.Request.Path.StartsWithSegments("/api")
                && result.AuthorizationFailure?.FailureReasons.Any(r => r.Message == Reason) == true)
                return ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.OtherHall);
            return _default.HandleAsync(next, context, policy, result);
        }
    }
}
