using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Visits;

/// <summary>A number on the display's visit panels: where it goes next, or what is ready for it. Nothing about the person.</summary>
public sealed record VisitBoardEntry(string Number, Guid ServiceItemId, DateTime At);

/// <summary>
/// Numbers just sent on to their next step (newest first: "A001 → 门诊缴费", for <see cref="GetVisitBoard.SentOnMinutes"/>)
/// and numbers ready to collect, in the queue's lane and line order (as call-next takes them, appointments aside); the
/// items in ready-to-collect mode, whose panel the display shows even while none is ready.
/// </summary>
public sealed record VisitBoard(List<VisitBoardEntry> SentOn, List<VisitBoardEntry> Ready, List<Guid> ReadyItemIds);

/// <summary>What the display shows of multi-step visits and ready-to-collect items (ADR-029).</summary>
public sealed class GetVisitBoard(HallDbContext db, TimeProvider time)
{
    /// <summary>How long the display shows where a finished number goes next.</summary>
    public const int SentOnMinutes = 2;
    private const int MaxSentOn = 12;
    private const int MaxReady = 60;

    public async Task<VisitBoard> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await HallById.FindAsync(db, hallId, ct) ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var since = now.AddMinutes(-SentOnMinutes);
        // From the finish events of the last minutes (the (HallId, At) index), not from the day's tickets; only while the
        // next step still waits: once called, the display's call says where.
        var sentOn = await db.TicketEvents.AsNoTracking()
            .Where(e => e.HallId == hallId && e.At >= since && e.Kind == TicketEventKind.Finished)
            .Join(db.Tickets, e => e.TicketId, t => t.Id, (e, t) => new { e.At, t.NextStepTicketId })
            .Where(x => x.NextStepTicketId != null)
            .Join(db.Tickets, x => x.NextStepTicketId, n => n.Id, (x, n) => new { x.At, n.Number, n.ServiceItemId, n.Status })
            .Where(x => x.Status == TicketStatus.Waiting)
            .OrderByDescending(x => x.At).Take(MaxSentOn)
            .Select(x => new VisitBoardEntry(x.Number, x.ServiceItemId, x.At))
            .ToListAsync(ct);
        var readyItems = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.ReadyToCollect && i.IsActive)
            .Select(i => i.Id).ToListAsync(ct);
        List<VisitBoardEntry> ready = readyItems.Count == 0 ? [] : await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && readyItems.Contains(t.ServiceItemId) && t.Status == TicketStatus.Waiting
                && t.ReadyAt != null && t.BusinessDay == today)
            .OrderBy(t => t.Lane).ThenBy(t => t.QueuedAt).ThenBy(t => t.Sequence).Take(MaxReady)
            .Select(t => new VisitBoardEntry(t.Number, t.ServiceItemId, t.ReadyAt!.Value))
            .ToListAsync(ct);
        return new VisitBoard(
            sentOn.Select(e => e with { At = DateTime.SpecifyKind(e.At, DateTimeKind.Utc) }).ToList(),
            ready.Select(e => e with { At = DateTime.SpecifyKind(e.At, DateTimeKind.Utc) }).ToList(), readyItems);
    }
}
