using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Identity;

/// <summary>
/// Ends tokens and cookies when their account changes (P2): every signed-in request's security stamp
/// claim is compared with the account's stamp in the database, read at most once per
/// <see cref="Interval"/> per account on each node. Logout, lock, role or hall change, password reset and
/// device revocation all change the stamp, so every node refuses the old token and cookie within the
/// interval, without a revocation list of its own.
/// </summary>
public sealed class AccountSessions(IServiceScopeFactory scopes, TimeProvider time, IOptions<IdentityOptions> identity, IConfiguration config)
{
    /// <summary>The promise is a minute; a longer setting would break it.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(60);
    private const int MaxAccounts = 50_000;
    private readonly ConcurrentDictionary<Guid, Account> _accounts = new();

    public TimeSpan Interval { get; } = Checked(TimeSpan.FromSeconds(config.GetValue("Auth:RevalidateSeconds", 30)));

    private sealed record Account(string? Stamp, DateTimeOffset? LockoutEnd, bool Exists, DateTimeOffset ReadAt);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return false;
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(stamp))
            return false;
        var now = time.GetUtcNow();
        if (!_accounts.TryGetValue(userId, out var account) || now - account.ReadAt >= Interval || now < account.ReadAt)
        {
            account = await ReadAsync(userId, now, ct);
            if (_accounts.Count >= MaxAccounts)
                _accounts.Clear();
            _accounts[userId] = account;
        }
        return account.Exists && account.Stamp == stamp && !(account.LockoutEnd > now);
    }

    /// <summary>This node forgets at once what it read (its own logout, its own admin action); other nodes follow within <see cref="Interval"/>.</summary>
    public void Forget(Guid userId) => _accounts.TryRemove(userId, out _);

    private async Task<Account> ReadAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return new Account(row?.SecurityStamp, row?.LockoutEnd, row is not null, now);
    }

    private static TimeSpan Checked(TimeSpan interval) =>
        interval > TimeSpan.Zero && interval <= MaxInterval ? interval
            : throw new InvalidOperationException($"Auth:RevalidateSeconds must be between 1 and {MaxInterval.TotalSeconds:0}.");
}

public static class AccountSessionsMiddleware
{
    /// <summary>
    /// Right after authentication: a token or cookie whose account changed counts as no sign-in at all, so
    /// the route's own rules answer (401 on the API, the sign-in page for pages); a stale cookie is removed.
    /// </summary>
    public static IApplicationBuilder UseAccountSessions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && !await context.RequestServices.GetRequiredService<AccountSessions>().IsCurrentAsync(context.User, context.RequestAborted))
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    });
}
