using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// A person who works in several halls chooses the one they work in now (ADR-032): at sign-in, from the chooser, or by
/// the API login's <c>hallId</c>. Their account's hall and role become that membership's; sessions of the other hall end.
/// </summary>
public sealed class SwitchActiveHall(HallDbContext db, UserManager<User> users)
{
    /// <summary>True when the active hall changed (the caller issues a new cookie or token); false when it already was.</summary>
    public async Task<bool> HandleAsync(User user, Guid hallId, CancellationToken ct)
    {
        var membership = (await HallMembers.OfAsync(db, user.Id, ct)).FirstOrDefault(m => m.HallId == hallId)
            ?? throw new DomainException(ErrorKind.Forbidden, ErrorCodes.NotHallMember);
        if (membership.Active)
            return false;
        await using var write = await db.BeginWriteAsync(ct);
        await HallMembers.KeepOwnHallAsync(db, user, ct);
        await HallMembers.ActivateAsync(users, user, membership.HallId, membership.Role);
        await write.CommitAsync(ct);
        return true;
    }
}
