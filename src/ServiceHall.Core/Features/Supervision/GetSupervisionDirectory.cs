using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Supervision;

public sealed record DirectoryEntry(Guid Id, string Name, string? Detail);

/// <param name="People">Staff and supervisors of the hall: owners of rectifications, assignees of complaints, leave.</param>
/// <param name="Staff">Staff only (attendance).</param>
public sealed record SupervisionDirectory(Guid HallId, string TimeZoneId, DateOnly Today, List<DirectoryEntry> People, List<DirectoryEntry> Staff,
    List<DirectoryEntry> Departments, List<DirectoryEntry> Counters, List<DirectoryEntry> Items);

/// <summary>What the supervision pages choose from, and the hall's today (deadlines are hall days).</summary>
public sealed class GetSupervisionDirectory(HallDbContext db, TimeProvider time)
{
    public async Task<SupervisionDirectory> HandleAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        // Everyone who works in the hall, including people working in another of their halls today (ADR-032).
        var people = await HallMembers.WithRole(db, hallId, Roles.Staff, Roles.Supervisor).AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToListAsync(ct);
        var entries = people.OrderBy(p => p.BadgeNumber ?? "~").ThenBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(p => new DirectoryEntry(p.Id, p.DisplayName, p.BadgeNumber)).ToList();
        var staffIds = (await HallMembers.WithRole(db, hallId, Roles.Staff).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId).OrderBy(d => d.Name)
            .Select(d => new DirectoryEntry(d.Id, LocalNames.Of(d.Name, d.NameEn), null)).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Number)
            .Select(c => new DirectoryEntry(c.Id, LocalNames.Of(c.Name, c.NameEn), c.Number.ToString())).ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId).OrderBy(i => i.Name)
            .Select(i => new DirectoryEntry(i.Id, LocalNames.Of(i.Name, i.NameEn), null)).ToListAsync(ct);
        return new SupervisionDirectory(hallId, zone, new HallClock(zone).BusinessDay(time.GetUtcNow().UtcDateTime), entries,
            entries.Where(e => staffIds.Contains(e.Id)).ToList(), departments, counters, items);
    }
}
