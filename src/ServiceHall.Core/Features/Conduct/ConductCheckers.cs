using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Conduct;

/// <summary>
/// One built checker per hall, rebuilt when the hall's lists change. The stamp (count and last change
/// of the hall's phrases) is read on every check, so an edit on one node reaches the others at once.
/// A hall without lists gets the default ones on first use.
/// </summary>
public sealed class ConductCheckers
{
    private readonly ConcurrentDictionary<Guid, (string Stamp, ConductChecker Checker)> _byHall = new();

    public async Task<ConductChecker> ForHallAsync(HallDbContext db, TimeProvider time, Guid hallId, CancellationToken ct)
    {
        var stamp = await StampAsync(db, hallId, ct);
        if (stamp is null)
        {
            await SeedAsync(db, time, hallId, ct);
            stamp = await StampAsync(db, hallId, ct);
        }
        if (_byHall.TryGetValue(hallId, out var cached) && cached.Stamp == stamp)
            return cached.Checker;
        var phrases = await db.ConductPhrases.AsNoTracking().Where(p => p.HallId == hallId && p.IsActive)
            .Select(p => new PhraseSpec(p.Id, p.Text, p.Kind)).ToListAsync(ct);
        var checker = new ConductChecker(phrases);
        _byHall[hallId] = (stamp!, checker);
        return checker;
    }

    private static async Task<string?> StampAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var stats = await db.ConductPhrases.Where(p => p.HallId == hallId).GroupBy(p => p.HallId)
            .Select(g => new { Count = g.Count(), Active = g.Count(p => p.IsActive), Last = g.Max(p => p.UpdatedAt) })
            .FirstOrDefaultAsync(ct);
        return stats is null ? null : $"{stats.Count}/{stats.Active}/{stats.Last.Ticks}";
    }

    /// <summary>The default lists for a hall that has none yet.</summary>
    public static async Task SeedAsync(HallDbContext db, TimeProvider time, Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(WritePriority.Bulk, ct);
        if (await db.ConductPhrases.AnyAsync(p => p.HallId == hallId, ct))
            return;
        db.ConductPhrases.AddRange(DefaultConductPhrases.All.Select(p => new ConductPhrase
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Text = p.Text, Kind = p.Kind, UpdatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same hall first; its lists are the same.
            db.ChangeTracker.Clear();
        }
    }
}
