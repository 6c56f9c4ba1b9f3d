using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// An administrator ends a person's work in a hall (ADR-032); kept in the audit trail. The last hall is not removed (lock
/// the account instead). When it is the hall the person works in now, they move to their first other hall and a new
/// security stamp ends their sessions, so a page left open in the removed hall stops within the revalidation interval.
/// </summary>
public sealed class RemoveHallMembership(HallDbContext db, UserManager<User> users, TimeProvider time)
{
    public async Task<List<HallMembershipView>> HandleAsync(Guid userId, Guid hallId, Guid adminUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        var current = await HallMembers.OfAsync(db, userId, ct);
        var removed = current.FirstOrDefault(m => m.HallId == hallId) ?? throw DomainException.NotFound(ErrorCodes.MembershipNotFound);
        var next = current.FirstOrDefault(m => m.HallId != hallId) ?? throw DomainException.Conflict(ErrorCodes.LastMembership);

        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        await HallMembers.KeepOwnHallAsync(db, user, ct);
        await db.HallMemberships.Where(m => m.UserId == userId && m.HallId == hallId).ExecuteDeleteAsync(ct);
        db.HallMembershipChanges.Add(new HallMembershipChange
        {
            Id = Guid.CreateVersion7(now), UserId = userId, HallId = hallId, Kind = HallMembershipChangeKind.Removed,
            OldRole = removed.Role, At = now, ByUserId = adminUserId,
        });
        await db.SaveChangesAsync(ct);
        if (removed.Active)
            await HallMembers.ActivateAsync(users, user, next.HallId, next.Role);
        await write.CommitAsync(ct);
        return await new ListHallMemberships(db).HandleAsync(userId, ct);
    }
}
