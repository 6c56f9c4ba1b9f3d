using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

/// <summary>The accounts of one hall, or all of them, by user name.</summary>
public sealed class ListUsers(HallDbContext db)
{
    public async Task<List<UserView>> HandleAsync(Guid? hallId, CancellationToken ct)
    {
        var users = await (hallId is { } hall ? db.Users.Where(HallMembers.In(db, hall)) : db.Users).AsNoTracking()
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.Select(u => AccountProfile.View(u, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name)).ToList();
    }
}
