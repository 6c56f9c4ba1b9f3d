using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Counters;

public sealed record StaffMemberView(Guid Id, string DisplayName, string? BadgeNumber);

/// <summary>Who may stand in at a counter during a pause: the hall's other staff (the rule <see cref="PauseCounter"/> checks).</summary>
public sealed class ListSubstitutes(HallDbContext db)
{
    public async Task<List<StaffMemberView>> HandleAsync(Guid hallId, Guid exceptUserId, CancellationToken ct)
    {
        var staffRoleIds = db.Roles.Where(r => r.Name == Roles.Staff || r.Name == Roles.Supervisor).Select(r => r.Id);
        var staffIds = db.UserRoles.Where(ur => staffRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => staffIds.Contains(u.Id) && u.Id != exceptUserId && (u.HallId == null || u.HallId == hallId))
            .OrderBy(u => u.BadgeNumber == null).ThenBy(u => u.BadgeNumber).ThenBy(u => u.DisplayName)
            .Select(u => new StaffMemberView(u.Id, u.DisplayName, u.BadgeNumber))
            .ToListAsync(ct);
    }
}
