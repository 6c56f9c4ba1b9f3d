using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>
/// At start-up, after the migrations: a hall that has no priority category yet (every hall made before categories
/// existed, and the seeded demo centre) gets its kind's, with the classes its tickets already carry. Categories are
/// never deleted, so a hall with one row has been given its own and is left alone; the migration lock keeps a second
/// node from doing it twice. Data, not a migration: generated migrations are not edited by hand (ADR-031).
/// </summary>
public sealed class EnsurePriorityCategories(HallDbContext db, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var halls = await db.Halls.AsNoTracking()
            .Where(h => !db.Set<PriorityCategory>().Any(c => c.HallId == h.Id))
            .Select(h => new { h.Id, h.Kind }).ToListAsync(ct);
        if (halls.Count == 0)
            return 0;
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        foreach (var hall in halls)
            db.Set<PriorityCategory>().AddRange(PriorityClaims.FromTemplate(hall.Id, HallTemplates.For(hall.Kind), now));
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return halls.Count;
    }
}
