using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// Locks an account (a person who left, a stolen device) until unlocked; the account stays, as its
/// tickets, sessions and audit rows refer to it. Nobody locks their own account.
/// </summary>
public sealed class LockUser(HallDbContext db, UserManager<User> users)
{
    public async Task<UserView> HandleAsync(Guid userId, bool locked, Guid adminUserId, CancellationToken ct)
    {
        if (userId == adminUserId)
            throw DomainException.Conflict(ErrorCodes.OwnAccount);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        await using var write = await db.BeginWriteAsync(ct);
        AccountProfile.Check(await users.SetLockoutEnabledAsync(user, true));
        AccountProfile.Check(await users.SetLockoutEndDateAsync(user, locked ? AccountProfile.LockedUntil : null));
        if (!locked)
            AccountProfile.Check(await users.ResetAccessFailedCountAsync(user));
        // A new stamp ends the browser sessions of a locked account at their next validation.
        AccountProfile.Check(await users.UpdateSecurityStampAsync(user));
        await write.CommitAsync(ct);
        return AccountProfile.View(user, (await users.GetRolesAsync(user)).FirstOrDefault());
    }
}
