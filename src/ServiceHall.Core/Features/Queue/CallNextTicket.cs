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
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var candidates = await LoadCandidatesAsync(counter, now, today, lost, ct);

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
                    candidates = await LoadCandidatesAsync(counter, now, today, lost, ct);
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
        await notifier.TicketCalledAsync(await CallAnnouncements.ForCallAsync(db, called, operated.Counter, isRecall: false));
        notifier.QueueChanged(called.HallId);
        return TicketView.From(called, counterNumber: operated.Counter.Number);
    }

    private async Task<List<QueueCandidate>> LoadCandidatesAsync(Counter counter, DateTime now, DateOnly today, HashSet<Guid> lost,
        CancellationToken ct)
    {
        // Tickets lost to other counters are read again and dropped here: a list of them in the SQL
        // would give a new statement for every count, which EF would translate on every call.
        var candidates = (await CounterCandidates.LoadAsync(db, counter, now, today, CandidatesPerLane + lost.Count, ct)).Candidates;
        candidates.RemoveAll(c => lost.Contains(c.Id));
        return candidates;
    }

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
