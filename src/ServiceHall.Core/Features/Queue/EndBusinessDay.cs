using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Queue;

/// <summary>What a scan of the day's end did: tickets expired and days closed.</summary>
public sealed record DayEndResult(int Expired, List<DateOnly> Closed);

/// <summary>
/// Q7, no carry-over: once the hall's day has ended (closing time plus the hall's grace), every ticket
/// of it still waiting or called ends as <see cref="TicketStatus.Expired"/> (未办理, 营业结束) and is never
/// called on a later day; a day whose queue is then empty closes by itself. Run by a periodic scan on
/// every node: each ticket changes only from the state it was read in, so two nodes at once expire it
/// once, and the one that loses the race changes nothing.
/// </summary>
public sealed class EndBusinessDay(HallDbContext db, TimeProvider time, IHallNotifier notifier, TallyDay tally, ILogger<EndBusinessDay> logger)
{
    /// <summary>Days further back are closed already or were never opened; the scan stays small.</summary>
    private const int DaysBack = 7;

    public const string ExpiredReason = "BusinessDayEnded";

    public async Task<DayEndResult> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return new DayEndResult(0, []);
        var clock = new HallClock(hall.TimeZoneId);
        var today = clock.BusinessDay(now);
        var schedule = await HallDays.ScheduleAsync(db, hall, today, ct);
        // Today ends at closing plus the grace; on a day off whatever was left from before ends at once.
        var lastEnded = now >= OpeningHours.DayEndsAt(hall, clock, today, schedule) ? today : today.AddDays(-1);
        var from = lastEnded.AddDays(-DaysBack);

        // Most scans find nothing to do and never take the write gate.
        var pending = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay <= lastEnded
                && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called))
            .AnyAsync(ct);
        var openDays = await DaysToCloseAsync(hallId, from, lastEnded, schedule.Open ? today : null, ct);
        if (!pending && openDays.Count == 0)
            return new DayEndResult(0, []);

        try
        {
            await using var write = await db.BeginWriteAsync(ct);
            var expired = await db.Tickets
                .Where(t => t.HallId == hallId && t.BusinessDay <= lastEnded
                    && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called))
                .ToListAsync(ct);
            foreach (var ticket in expired)
            {
                ticket.Status = TicketStatus.Expired;
                ticket.FinishedAt = now;
                db.TicketEvents.Add(new TicketEvent
                {
                    TicketId = ticket.Id, HallId = hallId, Kind = TicketEventKind.Expired, At = now,
                    CounterId = ticket.CounterId, Reason = ExpiredReason,
                });
            }
            await db.SaveChangesAsync(ct);

            // A ticket still in service keeps its day open until it is finished.
            var closed = new List<DateOnly>();
            foreach (var day in await DaysToCloseAsync(hallId, from, lastEnded, schedule.Open ? today : null, ct))
            {
                var serving = await db.Tickets.AnyAsync(t => t.HallId == hallId && t.BusinessDay == day
                    && t.Status == TicketStatus.Serving, ct);
                if (serving)
                    continue;
                db.BusinessDays.Add(new BusinessDay { HallId = hallId, Date = day, ClosedAt = now });
                closed.Add(day);
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            await write.DisposeAsync();
            if (expired.Count > 0 || closed.Count > 0)
                notifier.QueueChanged(hallId);
            // A closed day's tickets are decided: sum them once for the manager's pages (ADR-026).
            foreach (var day in closed)
                await tally.AfterCloseAsync(hallId, day, ct);
            return new DayEndResult(expired.Count, closed);
        }
        catch (DbUpdateException ex)
        {
            // Another node ended the same day first (a ticket no longer waiting, a day row already there).
            logger.LogInformation(ex, "The end of a business day of hall {HallId} was written by another node", hallId);
            db.ChangeTracker.Clear();
            return new DayEndResult(0, []);
        }
    }

    /// <summary>Days up to the last ended one that had tickets, or today's once ended, and have no closing yet.</summary>
    private async Task<List<DateOnly>> DaysToCloseAsync(Guid hallId, DateOnly from, DateOnly lastEnded, DateOnly? openToday,
        CancellationToken ct)
    {
        var days = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay >= from && t.BusinessDay <= lastEnded)
            .Select(t => t.BusinessDay).Distinct().ToListAsync(ct);
        if (openToday is { } today && today == lastEnded && !days.Contains(today))
            days.Add(today);
        var closed = await db.BusinessDays.AsNoTracking()
            .Where(d => d.HallId == hallId && d.Date >= from && d.Date <= lastEnded).Select(d => d.Date).ToListAsync(ct);
        return days.Except(closed).Order().ToList();
    }
}
