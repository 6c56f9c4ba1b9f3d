using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Ledger;

public sealed record LedgerChoice(Guid Id, string Name);

/// <summary>What the ledger's filters offer for a hall: departments, counters, items and its staff, in the hall's order.</summary>
public sealed record LedgerChoices(List<LedgerChoice> Departments, List<LedgerChoice> Counters, List<LedgerChoice> Items, List<LedgerChoice> Staff);

public sealed class GetLedgerChoices(HallDbContext db)
{
    public async Task<LedgerChoices> HandleAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new LedgerChoice(d.Id, LocalNames.Of(d.Name, d.NameEn))).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId)
            .OrderBy(c => c.Number).Select(c => new LedgerChoice(c.Id, LocalNames.Of(c.Name, c.NameEn))).ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Name).Select(i => new LedgerChoice(i.Id, LocalNames.Of(i.Name, i.NameEn))).ToListAsync(ct);
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.HallId == hallId && (r.Name == Roles.Staff || r.Name == Roles.Supervisor)
                           select new { u.Id, u.DisplayName, u.BadgeNumber })
            .Distinct().ToListAsync(ct);
        return new LedgerChoices(departments, counters, items,
            [.. staff.OrderBy(s => s.DisplayName, StringComparer.Ordinal)
                .Select(s => new LedgerChoice(s.Id, Punctuation.WithDetail(s.DisplayName, s.BadgeNumber)))]);
    }
}
