using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

public sealed record GrantHallMembershipRequest(string? Role);

/// <summary>
/// An administrator lets a person work in a hall with a role there, or changes that role (ADR-032); kept in the audit
/// trail. Only people work in several halls: devices and systems belong to one, city-wide administrators to none.
/// Staff keep their badge number (工号), which must be free in the hall. A change to the hall the person works in now
/// takes effect at once: a new security stamp ends the sessions that carry the old role.
/// </summary>
public sealed class GrantHallMembership(HallDbContext db, UserManager<User> users, TimeProvider time)
{
    public static readonly string[] PersonRoles = [Roles.Staff, Roles.Supervisor];

    public async Task<List<HallMembershipView>> HandleAsync(Guid userId, Guid hallId, GrantHallMembershipRequest request, Guid adminUserId,
        CancellationToken ct)
    {
        var role = request.Role?.Trim().ToLowerInvariant() ?? throw DomainException.Required("role");
        if (!PersonRoles.Contains(role))
            throw DomainException.Invalid("role", ErrorCodes.MembershipRoleInvalid, role);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var current = await HallMembers.OfAsync(db, userId, ct);
        // A device, a system or an administrator keeps the one hall (or none) its account was made with.
        if (current.Count == 0 || current.Any(m => !PersonRoles.Contains(m.Role)))
            throw DomainException.Invalid("role", ErrorCodes.MembershipRoleInvalid, current.FirstOrDefault()?.Role ?? Roles.Admin);
        if (role == Roles.Staff && user.BadgeNumber is null)
            throw DomainException.Invalid("badgeNumber", ErrorCodes.BadgeNumberRequired);
        if (user.BadgeNumber is { } badge && await db.Users.Where(HallMembers.In(db, hallId))
                .AnyAsync(u => u.BadgeNumber == badge && u.Id != userId, ct))
            throw DomainException.Conflict(ErrorCodes.BadgeNumberTaken, badge);

        var before = current.FirstOrDefault(m => m.HallId == hallId);
        if (before?.Role == role)
            return await new ListHallMemberships(db).HandleAsync(userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        await HallMembers.KeepOwnHallAsync(db, user, ct);
        var row = await db.HallMemberships.FirstOrDefaultAsync(m => m.UserId == userId && m.HallId == hallId, ct);
        if (row is null)
            db.HallMemberships.Add(new HallMembership { UserId = userId, HallId = hallId, Role = role, GrantedAt = now, GrantedByUserId = adminUserId });
        else
            row.Role = role;
        db.HallMembershipChanges.Add(new HallMembershipChange
        {
            Id = Guid.CreateVersion7(now), UserId = userId, HallId = hallId, At = now, ByUserId = adminUserId,
            Kind = before is null ? HallMembershipChangeKind.Granted : HallMembershipChangeKind.RoleChanged,
            OldRole = before?.Role, NewRole = role,
        });
        await db.SaveChangesAsync(ct);
        if (before is { Active: true })
            await HallMembers.ActivateAsync(users, user, hallId, role);
        await write.CommitAsync(ct);
        return await new ListHallMemberships(db).HandleAsync(userId, ct);
    }
}
