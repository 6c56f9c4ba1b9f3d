using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>One call as the display lists it: numbers and the call's words, nothing about the person.</summary>
public sealed record RecentCallView(string Number, int CounterNumber, DateTime CalledAt, bool IsRecall, string? Announcement = null,
    string? AnnouncementEn = null);

/// <summary>
/// The hall's last calls of today (Q4), newest first, so a display that reloads lists what it listed
/// before. Read from the ticket events: a recall is a call of its own, as the screen announced it.
/// </summary>
public sealed class ListRecentCalls(HallDbContext db, TimeProvider time)
{
    public const int MaxLimit = 50;

    public async Task<List<RecentCallView>> HandleAsync(Guid hallId, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
            throw DomainException.Invalid("limit", ErrorCodes.OutOfRange, "limit", 1, MaxLimit);
        var hall = await HallById.FindAsync(db, hallId, ct) ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var clock = new HallClock(hall.TimeZoneId);
        var now = time.GetUtcNow().UtcDateTime;
        var dayStart = clock.ToUtc(clock.BusinessDay(now), TimeOnly.MinValue);
        var calls = await db.TicketEvents.AsNoTracking()
            .Where(e => e.HallId == hallId && e.At >= dayStart && e.CounterId != null
                && (e.Kind == TicketEventKind.Called || e.Kind == TicketEventKind.CalledOutOfOrder || e.Kind == TicketEventKind.Recalled))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(limit)
            .Select(e => new
            {
                e.At, e.Kind,
                Number = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => t.Number).First(),
                ItemId = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => t.ServiceItemId).First(),
                CounterNumber = db.Counters.Where(c => c.Id == e.CounterId).Select(c => c.Number).First(),
            })
            .ToListAsync(ct);
        var itemIds = calls.Select(c => c.ItemId).Distinct().ToList();
        var templates = await db.ServiceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.AnnouncementZh, i.AnnouncementEn), ct);
        return calls.Select(c => new RecentCallView(c.Number, c.CounterNumber, DateTime.SpecifyKind(c.At, DateTimeKind.Utc),
            c.Kind == TicketEventKind.Recalled, CallAnnouncement.Format(templates[c.ItemId].AnnouncementZh, c.Number, c.CounterNumber),
            CallAnnouncement.Format(templates[c.ItemId].AnnouncementEn, c.Number, c.CounterNumber))).ToList();
    }
}
