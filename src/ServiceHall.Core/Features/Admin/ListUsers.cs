using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>The accounts of one hall, or all of them, by user name.</summary>
public sealed class ListUsers(HallDbContext db)
{
    public async Task<List<UserView>> HandleAsync(Guid? hallId, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => hallId == null || u.HallId == hallId)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.Select(u => AccountProfile.View(u, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name)).ToList();
    }
}
