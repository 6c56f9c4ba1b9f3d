using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

public sealed record UpdateUserRequest(string? DisplayName, string? BadgeNumber, string? Role, Guid? HallId);

/// <summary>Changes an account's name, badge, role or hall. An administrator cannot take away their own admin role.</summary>
public sealed class UpdateUser(HallDbContext db, UserManager<User> users, TimeProvider time)
{
    public async Task<UserView> HandleAsync(Guid userId, UpdateUserRequest request, Guid adminUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        var profile = await AccountProfile.CheckAsync(db, user.Id, request.DisplayName, request.BadgeNumber, request.Role,
            request.HallId, ct);
        if (userId == adminUserId && profile.Role != Roles.Admin)
            throw DomainException.Conflict(ErrorCodes.OwnAccount);

        await using var write = await db.BeginWriteAsync(ct);
        var oldHallId = user.HallId;
        var accessChanged = user.HallId != profile.HallId;
        profile.ApplyTo(user);
        try
        {
            AccountProfile.Check(await users.UpdateAsync(user));
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.BadgeNumberTaken, profile.BadgeNumber ?? "");
        }
        var roles = await users.GetRolesAsync(user);
        if (roles.Count != 1 || roles[0] != profile.Role)
        {
            AccountProfile.Check(await users.RemoveFromRolesAsync(user, roles));
            AccountProfile.Check(await users.AddToRoleAsync(user, profile.Role));
            accessChanged = true;
        }
        await HallMembers.FollowAccountAsync(db, user, oldHallId, profile.Role, time.GetUtcNow().UtcDateTime, ct);
        // The role and hall ride in every token and cookie: a new stamp ends them on every node (P2).
        if (accessChanged)
            AccountProfile.Check(await users.UpdateSecurityStampAsync(user));
        await write.CommitAsync(ct);
        return AccountProfile.View(user, profile.Role);
    }
}
