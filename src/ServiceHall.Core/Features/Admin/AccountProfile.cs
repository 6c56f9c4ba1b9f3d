using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

/// <summary>The checked profile of an account: name, badge, role and hall, as creation and update share them.</summary>
internal sealed record AccountProfile(string DisplayName, string? BadgeNumber, string Role, Guid? HallId)
{
    public static async Task<AccountProfile> CheckAsync(HallDbContext db, Guid? self, string? displayName, string? badgeNumber,
        string? role, Guid? hallId, CancellationToken ct)
    {
        var name = AdminInput.Text(displayName, "displayName", 100);
        var badge = AdminInput.OptionalText(badgeNumber, "badgeNumber", 20);
        var roleName = AdminInput.Text(role, "role", 20).ToLowerInvariant();
        if (!Roles.All.Contains(roleName))
            throw DomainException.Invalid("role", ErrorCodes.RoleInvalid, roleName);
        // Only a city-wide administrator works in no particular hall.
        if (hallId is null && roleName != Roles.Admin)
            throw DomainException.Invalid("hallId", ErrorCodes.HallRequired);
        if (hallId is { } h && !await db.Halls.AnyAsync(x => x.Id == h, ct))
            throw DomainException.Invalid("hallId", ErrorCodes.HallNotFound);
        if (badge is null && roleName == Roles.Staff)
            throw DomainException.Invalid("badgeNumber", ErrorCodes.BadgeNumberRequired);
        if (badge is not null && await db.Users.AnyAsync(u => u.HallId == hallId && u.BadgeNumber == badge && u.Id != self, ct))
            throw DomainException.Conflict(ErrorCodes.BadgeNumberTaken, badge);
        return new AccountProfile(name, badge, roleName, hallId);
    }

    public void ApplyTo(User user)
    {
        user.DisplayName = DisplayName;
        user.BadgeNumber = BadgeNumber;
        user.HallId = HallId;
    }

    public static UserView View(User user, string? role) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, user.BadgeNumber, role, user.HallId, IsLocked(user));

    /// <summary>
    /// An administrator's lock lasts until unlocked: a lockout end far beyond any sign-in. It is told
    /// apart from the few minutes' lockout after failed passwords, which ends by itself.
    /// </summary>
    public static readonly DateTimeOffset LockedUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsLocked(User user) => user.LockoutEnd >= LockedUntil;

    /// <summary>A failure after the checks above is a fault, not a refusal: the transaction rolls back.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
