using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>The halls, and one hall with its departments, counters and items, inactive ones included.</summary>
public sealed class GetHallSetup(HallDbContext db)
{
    public async Task<List<HallSettingsView>> ListAsync(CancellationToken ct) =>
        (await db.Halls.AsNoTracking().OrderBy(h => h.Name).ToListAsync(ct)).Select(HallSettingsView.From).ToList();

    public async Task<HallSetup> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Include(c => c.ServiceItems).Where(c => c.HallId == hallId)
            .OrderBy(c => c.Number).ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Include(i => i.Counters).Where(i => i.HallId == hallId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix).ToListAsync(ct);
        return new HallSetup(HallSettingsView.From(hall), departments.Select(DepartmentView.From).ToList(),
            counters.Select(CounterSettingsView.From).ToList(), items.Select(ServiceItemSettingsView.From).ToList());
    }
}
