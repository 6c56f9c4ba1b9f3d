using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

/// <summary>One hall a person may work in, and whether it is the one they work in now.</summary>
public sealed record Membership(Guid HallId, string Role, bool Active, DateTime GrantedAt);

/// <summary>
/// Who works in a hall, and in which halls a person works (ADR-032). A person's memberships are the stored rows, plus
/// the account's own hall and role when no row holds it yet (every account made before memberships, and every account
/// with one hall). The account's hall and Identity role always mirror the active membership, so the claims, the hall
/// policy and every role check read the active hall without knowing about memberships.
/// </summary>
public static class HallMembers
{
    /// <summary>
    /// The people of the hall with one of the roles there: members by a row, and accounts whose own hall and role it is.
    /// A person working elsewhere today is still one of this hall's people (a colleague to forward to, a complaint's subject).
    /// </summary>
    public static IQueryable<User> WithRole(HallDbContext db, Guid hallId, params string[] roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u =>
            (u.HallId == hallId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            || db.HallMemberships.Any(m => m.UserId == u.Id && m.HallId == hallId && roles.Contains(m.Role)));
    }

    /// <summary>Accounts of the hall in any role, as a filter for queries over users.</summary>
    public static Expression<Func<User, bool>> In(HallDbContext db, Guid hallId) =>
        u => u.HallId == hallId || db.HallMemberships.Any(m => m.UserId == u.Id && m.HallId == hallId);

    public static async Task<List<Membership>> OfAsync(HallDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.HallId, u.CreatedAt }).FirstOrDefaultAsync(ct);
        if (user is null)
            return [];
        var rows = await db.HallMemberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        var list = rows.Select(m => new Membership(m.HallId, m.Role, m.HallId == user.HallId, m.GrantedAt)).ToList();
        if (user.HallId is { } own && rows.All(m => m.HallId != own) && await ActiveRoleAsync(db, userId, ct) is { } role)
            list.Add(new Membership(own, role, true, user.CreatedAt));
        return list.OrderBy(m => m.GrantedAt).ThenBy(m => m.HallId).ToList();
    }

    /// <summary>
    /// The hall whose attendance a person's day counts in when they signed in nowhere: the first hall they were given
    /// (the account's own hall for one without rows).
    /// </summary>
    public static async Task<Dictionary<Guid, Guid>> HomeHallsAsync(HallDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var rows = await db.HallMemberships.AsNoTracking().Where(m => userIds.Contains(m.UserId))
            .Select(m => new { m.UserId, m.HallId, m.GrantedAt }).ToListAsync(ct);
        var own = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.HallId != null)
            .Select(u => new { u.Id, HallId = u.HallId!.Value }).ToListAsync(ct);
        var home = own.ToDictionary(u => u.Id, u => u.HallId);
        foreach (var first in rows.GroupBy(r => r.UserId).Select(g => g.OrderBy(r => r.GrantedAt).ThenBy(r => r.HallId).First()))
            home[first.UserId] = first.HallId;
        return home;
    }

    internal static async Task<string?> ActiveRoleAsync(HallDbContext db, Guid userId, CancellationToken ct) =>
        await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .OrderBy(n => n).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Before the first row is written for a person, their own hall becomes a row too, so that it stays theirs when
    /// they switch away from it. Caller holds the write gate.
    /// </summary>
    internal static async Task KeepOwnHallAsync(HallDbContext db, User user, CancellationToken ct)
    {
        if (user.HallId is not { } own || await db.HallMemberships.AnyAsync(m => m.UserId == user.Id && m.HallId == own, ct)
            || await ActiveRoleAsync(db, user.Id, ct) is not { } role)
            return;
        db.HallMemberships.Add(new HallMembership { UserId = user.Id, HallId = own, Role = role, GrantedAt = user.CreatedAt });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The administrator's account form edits the active membership: its row follows the account's new hall and role.
    /// An account that becomes an administrator or a device keeps no other hall. Caller holds the write gate.
    /// </summary>
    internal static async Task FollowAccountAsync(HallDbContext db, User user, Guid? oldHallId, string role, DateTime now, CancellationToken ct)
    {
        var rows = await db.HallMemberships.Where(m => m.UserId == user.Id).ToListAsync(ct);
        if (rows.Count == 0)
            return;
        if (user.HallId is not { } hallId || !GrantHallMembership.PersonRoles.Contains(role))
        {
            db.HallMemberships.RemoveRange(rows);
        }
        else
        {
            db.HallMemberships.RemoveRange(rows.Where(m => m.HallId == oldHallId && oldHallId != hallId));
            if (rows.FirstOrDefault(m => m.HallId == hallId) is { } row)
                row.Role = role;
            else
                db.HallMemberships.Add(new HallMembership { UserId = user.Id, HallId = hallId, Role = role, GrantedAt = now });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Makes the membership the active one: the account's hall and its one Identity role become the membership's, and a
    /// new security stamp ends every token and cookie issued for the other hall, on every node within the revalidation
    /// interval. Caller holds the write gate.
    /// </summary>
    internal static async Task ActivateAsync(UserManager<User> users, User user, Guid? hallId, string? role)
    {
        user.HallId = hallId;
        Check(await users.UpdateAsync(user));
        var roles = await users.GetRolesAsync(user);
        if (roles.Count > 0)
            Check(await users.RemoveFromRolesAsync(user, roles));
        if (role is not null)
            Check(await users.AddToRoleAsync(user, role));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
