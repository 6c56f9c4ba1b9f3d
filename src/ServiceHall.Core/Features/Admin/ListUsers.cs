using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// The accounts of one hall — everyone who works there, with their role there, whichever hall they work in today
/// (ADR-032) — or all accounts with their active role; by user name.
/// </summary>
public sealed class ListUsers(HallDbContext db)
{
    public async Task<List<UserView>> HandleAsync(Guid? hallId, CancellationToken ct)
    {
        var users = await (hallId is { } hall ? db.Users.Where(HallMembers.In(db, hall)) : db.Users).AsNoTracking()
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct)).GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name);
        var here = hallId is { } h
            ? await db.HallMemberships.AsNoTracking().Where(m => m.HallId == h && ids.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, m => m.Role, ct)
            : [];
        return users.Select(u => AccountProfile.View(u, here.GetValueOrDefault(u.Id) ?? roles.GetValueOrDefault(u.Id))).ToList();
    }
}
