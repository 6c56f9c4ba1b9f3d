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
        var templates = await CallAnnouncements.ReadAsync(db, calls.Select(c => c.ItemId), ct);
        return calls.Select(c => (c, Words: templates[c.ItemId].Format(c.Number, c.CounterNumber)))
            .Select(x => new RecentCallView(x.c.Number, x.c.CounterNumber, DateTime.SpecifyKind(x.c.At, DateTimeKind.Utc),
                x.c.Kind == TicketEventKind.Recalled, x.Words.Zh, x.Words.En)).ToList();
    }
}
