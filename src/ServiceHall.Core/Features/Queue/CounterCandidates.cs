using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Queue;

/// <summary>The waiting tickets read for a counter, and how many it may take in all.</summary>
internal sealed record CounterCandidateSet(List<QueueCandidate> Candidates, int Waiting);

/// <summary>
/// The waiting tickets a counter may take, only as many as its next calls need (ADR-004): the head of
/// each lane of each item it serves, one index seek each; due appointments; tickets sent to it. Within
/// a lane the order is first come first served, so the first n of the selector's order are always
/// among the first n of each lane, and a hall's thousands waiting are never all read.
/// </summary>
internal static class CounterCandidates
{
    /// <summary>
    /// Only tickets of <paramref name="today"/>: one left from an earlier day (until the day-end scan
    /// expires it) never enters today's lanes (Q7). <paramref name="readyOnly"/>: call-next's read, where an item in
    /// ready-to-collect mode offers only its ready tickets (<see cref="Visits.ReadyToCollect.IsCallable"/>); the
    /// counter's list shows them all, so that the pharmacy can mark them ready.
    /// </summary>
    public static async Task<CounterCandidateSet> LoadAsync(HallDbContext db, Counter counter, DateTime now, DateOnly today,
        int perLane, CancellationToken ct, bool readyOnly = true)
    {
        var candidates = new List<QueueCandidate>();
        await foreach (var c in DueAppointments.For(db)(db, counter.HallId, counter.Id, now, today, perLane, readyOnly).WithCancellation(ct))
            candidates.Add(c);
        var sentHere = 0;
        await foreach (var c in SentToCounter.For(db)(db, counter.Id, today, readyOnly).WithCancellation(ct))
        {
            candidates.Add(c);
            sentHere++;
        }
        // A walk of the hall's whole lane would step over every ticket of items no open counter serves,
        // and those pile up at the head of the line. Lanes the waiting counts say are empty are not read.
        var served = counter.ServiceItems.Select(s => s.ServiceItemId).ToHashSet();
        var counts = (await WaitingCounts.OfHallAsync(db, counter.HallId, ct)).Where(c => served.Contains(c.ServiceItemId)).ToList();
        foreach (var (itemId, lane) in counts.Select(c => c.ItemLane).Distinct())
        {
            await foreach (var c in ItemLane.For(db)(db, counter.HallId, itemId, lane, today, perLane, readyOnly).WithCancellation(ct))
                candidates.Add(c);
        }
        return new CounterCandidateSet(candidates, counts.Sum(c => c.Waiting) + sentHere);
    }

    // Compiled once: call-next is the hottest read of a counter, and these are the same queries every
    // time, with scalar parameters only. Together they cover every waiting ticket of the counter's items
    // (not sent elsewhere) and every one sent to it.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, DateTime, DateOnly, int, bool, IAsyncEnumerable<QueueCandidate>>> DueAppointments = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, Guid counterId, DateTime now, DateOnly today, int take, bool readyOnly) =>
            db.Tickets.Where(t => t.HallId == hallId && t.Status == TicketStatus.Waiting && t.BusinessDay == today
                    && ((t.TargetCounterId == null
                            && db.CounterServiceItems.Any(s => s.CounterId == counterId && s.ServiceItemId == t.ServiceItemId))
                        || t.TargetCounterId == counterId))
                .Where(t => t.AppointmentStart != null && t.AppointmentStart <= now && t.IssuedAt <= t.AppointmentEnd)
                .Where(t => !readyOnly || t.ReadyAt != null || !db.ServiceItems.Any(i => i.Id == t.ServiceItemId && i.ReadyToCollect))
                .OrderBy(t => t.AppointmentStart).ThenBy(t => t.Sequence)
                .Take(take)
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));

    /// <summary>Tickets transferred to this counter: a handful at most, all read (IX_Tickets_WaitingAtCounter).</summary>
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, DateOnly, bool, IAsyncEnumerable<QueueCandidate>>> SentToCounter = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid counterId, DateOnly today, bool readyOnly) =>
            db.Tickets.Where(t => t.TargetCounterId == counterId && t.Status == TicketStatus.Waiting && t.BusinessDay == today)
                .Where(t => !readyOnly || t.ReadyAt != null || !db.ServiceItems.Any(i => i.Id == t.ServiceItemId && i.ReadyToCollect))
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));

    /// <summary>The head of one lane of one item's general queue (IX_Tickets_Waiting).</summary>
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, int, DateOnly, int, bool, IAsyncEnumerable<QueueCandidate>>> ItemLane = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, Guid itemId, int lane, DateOnly today, int take, bool readyOnly) =>
            db.Tickets.Where(t => t.HallId == hallId && t.ServiceItemId == itemId && t.Lane == lane
                    && t.Status == TicketStatus.Waiting && t.TargetCounterId == null && t.BusinessDay == today)
                .Where(t => !readyOnly || t.ReadyAt != null || !db.ServiceItems.Any(i => i.Id == itemId && i.ReadyToCollect))
                .OrderBy(t => t.QueuedAt).ThenBy(t => t.Sequence)
                .Take(take)
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));
}
