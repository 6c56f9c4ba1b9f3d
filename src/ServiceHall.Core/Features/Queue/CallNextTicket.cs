using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// Q2, Q3: the counter calls whoever the hall's policy puts first. The take is a conditional update
/// (<c>WHERE "Status" = 'Waiting'</c>); if another counter was faster, the next in order is tried.
/// </summary>
public sealed class CallNextTicket(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    /// <summary>
    /// Per lane, how many candidates are read: the head plus fall-backs for races lost to other
    /// counters. Each row read costs a lookup in the table, and a round that loses them all reads again.
    /// </summary>
    private const int CandidatesPerLane = 4;

    public async Task<TicketView?> HandleAsync(Guid counterId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Who is first is read before the write gate is taken; the take itself is conditional, so a
        // read that went stale only costs a retry.
        var counter = await CounterAccess.FindAsync(db, counterId, ct);
        var hall = await HallById.FindAsync(db, counter.HallId, ct) ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var policy = QueuePolicy.From(hall);
        var normalsSince = await NormalsSinceLastPriorityAsync(db, hall, now, ct);
        var lost = new HashSet<Guid>();
        var candidates = await LoadCandidatesAsync(counter, now, lost, ct);

        Ticket? called = null;
        OperatedCounter operated;
        await using (var write = await db.BeginWriteAsync(WritePriority.Call, ct))
        {
            operated = await CounterAccess.OperateAsync(db, counter, userId, now, ct);
            await CloseCounter.EnsureNoCurrentTicketAsync(db, counterId, ct);

            // A round tries only as many candidates as one lane was read with: a lane whose head was
            // all taken by other counters is read again before a lower lane gets its turn.
            for (var round = 0; round < 20 && called is null && candidates.Count > 0; round++)
            {
                if (round > 0)
                    candidates = await LoadCandidatesAsync(counter, now, lost, ct);
                foreach (var candidate in QueueSelector.Order(candidates, policy, now, normalsSince).Take(CandidatesPerLane))
                {
                    // The take and the read of the taken row are one statement (UPDATE … RETURNING).
                    var taken = await db.Tickets.FromSql($"""
                            UPDATE "Tickets"
                            SET "Status" = 'Called', "CounterId" = {counterId}, "CalledByUserId" = {userId}, "CalledAt" = {now}
                            WHERE "Id" = {candidate.Id} AND "Status" = 'Waiting'
                            RETURNING *
                            """)
                        .AsNoTracking().ToListAsync(ct);
                    if (taken.Count == 1)
                    {
                        called = taken[0];
                        break;
                    }
                    lost.Add(candidate.Id);
                }
            }
            if (called is null)
                return null;
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = called.Id, HallId = called.HallId, Kind = TicketEventKind.Called, At = now,
                UserId = userId, CounterId = counterId,
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        await notifier.TicketCalledAsync(TicketCalls.From(called, operated.Counter, isRecall: false));
        notifier.QueueChanged(called.HallId);
        return TicketView.From(called, counterNumber: operated.Counter.Number);
    }

    private async Task<List<QueueCandidate>> LoadCandidatesAsync(Counter counter, DateTime now, HashSet<Guid> lost, CancellationToken ct)
    {
        // Tickets lost to other counters are read again and dropped here: a list of them in the SQL
        // would give a new statement for every count, which EF would translate on every call.
        var take = CandidatesPerLane + lost.Count;
        var candidates = new List<QueueCandidate>();
        await foreach (var c in DueAppointments.For(db)(db, counter.HallId, counter.Id, now, take).WithCancellation(ct))
            candidates.Add(c);
        await foreach (var c in SentToCounter.For(db)(db, counter.Id).WithCancellation(ct))
            candidates.Add(c);
        // The head of each lane of each item the counter serves, one index seek each: a walk of the
        // hall's whole lane would step over every ticket of items no open counter serves, and those
        // pile up at the head of the line. Lanes the waiting counts say are empty are not read.
        var served = counter.ServiceItems.Select(s => s.ServiceItemId).ToHashSet();
        var lanes = (await WaitingCounts.OfHallAsync(db, counter.HallId, ct)).Select(c => c.ItemLane)
            .Where(l => served.Contains(l.ServiceItemId)).Distinct();
        foreach (var (itemId, lane) in lanes)
        {
            await foreach (var c in ItemLane.For(db)(db, counter.HallId, itemId, lane, take).WithCancellation(ct))
                candidates.Add(c);
        }
        candidates.RemoveAll(c => lost.Contains(c.Id));
        return candidates;
    }

    // Compiled once: call-next is the hottest read of a counter, and these are the same queries every
    // time, with scalar parameters only. Together they are CounterTicketAction.CallableAt.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, DateTime, int, IAsyncEnumerable<QueueCandidate>>> DueAppointments = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, Guid counterId, DateTime now, int take) =>
            db.Tickets.Where(t => t.HallId == hallId && t.Status == TicketStatus.Waiting
                    && ((t.TargetCounterId == null
                            && db.CounterServiceItems.Any(s => s.CounterId == counterId && s.ServiceItemId == t.ServiceItemId))
                        || t.TargetCounterId == counterId))
                .Where(t => t.AppointmentStart != null && t.AppointmentStart <= now && t.IssuedAt <= t.AppointmentEnd)
                .OrderBy(t => t.AppointmentStart).ThenBy(t => t.Sequence)
                .Take(take)
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));

    /// <summary>Tickets transferred to this counter: a handful at most, all read (IX_Tickets_WaitingAtCounter).</summary>
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<QueueCandidate>>> SentToCounter = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid counterId) =>
            db.Tickets.Where(t => t.TargetCounterId == counterId && t.Status == TicketStatus.Waiting)
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));

    /// <summary>The head of one lane of one item's general queue (IX_Tickets_Waiting).</summary>
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, int, int, IAsyncEnumerable<QueueCandidate>>> ItemLane = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, Guid itemId, int lane, int take) =>
            db.Tickets.Where(t => t.HallId == hallId && t.ServiceItemId == itemId && t.Lane == lane
                    && t.Status == TicketStatus.Waiting && t.TargetCounterId == null)
                .OrderBy(t => t.QueuedAt).ThenBy(t => t.Sequence)
                .Take(take)
                .Select(t => new QueueCandidate(t.Id, t.Priority, t.QueuedAt, t.IssuedAt,
                    db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.MaxWaitMinutes).First(),
                    t.AppointmentStart, t.AppointmentEnd, t.Sequence))));

    /// <summary>For the interleave policy: normal calls in the hall today since the last priority call.</summary>
    internal static async Task<int> NormalsSinceLastPriorityAsync(HallDbContext db, Hall hall, DateTime now, CancellationToken ct)
    {
        if (hall.PriorityPolicy != PriorityPolicy.Interleave)
            return 0;
        var clock = new HallClock(hall.TimeZoneId);
        var startOfDay = clock.ToUtc(clock.BusinessDay(now), TimeOnly.MinValue);
        // Event ids, not call times, give the order: calls can share a timestamp.
        var recent = await db.TicketEvents
            .Where(e => e.HallId == hall.Id && e.Kind == TicketEventKind.Called && e.At >= startOfDay)
            .OrderByDescending(e => e.Id)
            .Take(hall.InterleaveNormalsPerPriority + 1)
            .Join(db.Tickets, e => e.TicketId, t => t.Id, (e, t) => new { e.Id, t.Priority })
            .OrderByDescending(x => x.Id)
            .Select(x => x.Priority)
            .ToListAsync(ct);
        return recent.TakeWhile(p => p == TicketPriority.Normal).Count();
    }
}
