using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Tallies;

/// <summary>
/// Sums one decided day's tickets into its tally (ADR-026): the statement runs outside the write gate (a large hall's
/// day takes a moment, and counters must not wait for it), then the mark and the rows are written in one transaction.
/// A day tallied meanwhile — by another request or another node, whose mark's key refuses the second — is done; a day
/// that is no longer decided (a no-show re-queued) is left to be read live.
/// </summary>
public sealed class TallyDay(HallDbContext db, TimeProvider time, ILogger<TallyDay> logger)
{
    /// <returns>Whether the day has its tally now.</returns>
    public async Task<bool> HandleAsync(Guid hallId, DateOnly day, CancellationToken ct)
    {
        if (await MarkedAsync(hallId, day, ct))
            return true;
        var tickets = await DayTallySql.TicketsAsync(db, hallId, day, day, ct);
        var hours = await DayTallySql.HoursAsync(db, hallId, day, day, ct);
        try
        {
            await using var write = await db.BeginWriteAsync(WritePriority.Bulk, ct);
            if (await MarkedAsync(hallId, day, ct))
                return true;
            if (await OpenTicketsAsync(db, hallId, day, ct) > 0)
                return false;
            List<object> rows =
            [
                new TalliedDay { HallId = hallId, Day = day, TalliedAt = time.GetUtcNow().UtcDateTime },
                .. tickets.Select(t => DayTally.Of(hallId, t)),
                .. hours.Select(h => new HourTally { HallId = hallId, Day = h.Day, UtcHour = h.UtcHour, Issued = (int)h.Issued, Served = (int)h.Served }),
            ];
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            // A read that tallies a year must not carry every day's rows into its next save.
            foreach (var row in rows)
                db.Entry(row).State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Two nodes tallied the same day at once: the other's mark came first, and this one wrote nothing.
            DetachTallies();
            if (!await MarkedAsync(hallId, day, ct))
                throw;
            logger.LogInformation(ex, "Day {Day} of hall {HallId} was tallied by another request", day, hallId);
            return true;
        }
    }

    /// <summary>Marks decided days without a ticket in one transaction: they have nothing to sum and need no look again.</summary>
    public async Task MarkEmptyAsync(Guid hallId, IReadOnlyCollection<DateOnly> days, CancellationToken ct)
    {
        if (days.Count == 0)
            return;
        try
        {
            await using var write = await db.BeginWriteAsync(WritePriority.Bulk, ct);
            var marked = await db.Set<TalliedDay>().Where(d => d.HallId == hallId && days.Contains(d.Day)).Select(d => d.Day).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var rows = days.Except(marked).Select(d => new TalliedDay { HallId = hallId, Day = d, TalliedAt = now }).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            foreach (var row in rows)
                db.Entry(row).State = EntityState.Detached;
        }
        catch (DbUpdateException ex)
        {
            // Another node marked some of them first; the rest are marked on a later read.
            DetachTallies();
            logger.LogInformation(ex, "Empty days of hall {HallId} were marked by another request", hallId);
        }
    }

    /// <summary>
    /// Tallies a day that has just closed. The close is committed whatever happens here: a tally that fails is written on
    /// the first read that needs the day.
    /// </summary>
    public async Task AfterCloseAsync(Guid hallId, DateOnly day, CancellationToken ct)
    {
        try
        {
            await HandleAsync(hallId, day, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DetachTallies();
            logger.LogWarning(ex, "Day {Day} of hall {HallId} closed but was not tallied; the next read tallies it", day, hallId);
        }
    }

    /// <summary>Forgets a day's tally when one of its tickets changes after all (call inside the change's write transaction).</summary>
    public static async Task DropAsync(HallDbContext db, Guid hallId, DateOnly day, CancellationToken ct)
    {
        if (!await db.Set<TalliedDay>().AnyAsync(d => d.HallId == hallId && d.Day == day, ct))
            return;
        await db.Set<TalliedDay>().Where(d => d.HallId == hallId && d.Day == day).ExecuteDeleteAsync(ct);
        await db.Set<DayTally>().Where(t => t.HallId == hallId && t.Day == day).ExecuteDeleteAsync(ct);
        await db.Set<HourTally>().Where(t => t.HallId == hallId && t.Day == day).ExecuteDeleteAsync(ct);
    }

    internal static Task<int> OpenTicketsAsync(HallDbContext db, Guid hallId, DateOnly day, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.HallId == hallId && t.BusinessDay == day
            && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);

    private void DetachTallies()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is TalliedDay or DayTally or HourTally).ToList())
            entry.State = EntityState.Detached;
    }

    private Task<bool> MarkedAsync(Guid hallId, DateOnly day, CancellationToken ct) =>
        db.Set<TalliedDay>().AnyAsync(d => d.HallId == hallId && d.Day == day, ct);
}
