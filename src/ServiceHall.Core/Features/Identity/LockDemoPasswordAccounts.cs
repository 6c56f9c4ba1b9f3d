using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Admin;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// The operator's way out of a start refused for demo passwords: those accounts are locked and lose their
/// password (a new stamp ends their sessions); an administrator later sets new passwords and unlocks them.
/// </summary>
public sealed class LockDemoPasswordAccounts(HallDbContext db, UserManager<User> users)
{
    public async Task HandleAsync(IEnumerable<DemoPasswordAccount> accounts, CancellationToken ct)
    {
        foreach (var account in accounts)
        {
            if (await users.FindByIdAsync(account.UserId.ToString()) is not { } user)
                continue;
            await using var write = await db.BeginWriteAsync(ct);
            EnsureRoles.Check(await users.SetLockoutEnabledAsync(user, true));
            EnsureRoles.Check(await users.SetLockoutEndDateAsync(user, AccountProfile.LockedUntil));
            EnsureRoles.Check(await users.RemovePasswordAsync(user));
            await write.CommitAsync(ct);
        }
    }
}
