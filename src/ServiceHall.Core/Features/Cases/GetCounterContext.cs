using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record ServedTicket(Guid TicketId, string Number, Guid ServiceItemId, int CounterNumber);

public sealed record GuidedItem(Guid Id, string Name, string Prefix);

/// <summary>What the counter's case panel starts from: the ticket the user serves now, and the items that have a guide.</summary>
public sealed record CounterContext(ServedTicket? Ticket, List<GuidedItem> Items);

public sealed class GetCounterContext(HallDbContext db)
{
    public async Task<CounterContext> HandleAsync(Guid hallId, Guid userId, CancellationToken ct)
    {
        var counter = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.ClosedAt == null && (s.UserId == userId || s.SubstituteUserId == userId))
            .Join(db.Counters, s => s.CounterId, c => c.Id, (s, c) => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
        ServedTicket? ticket = null;
        if (counter is not null)
        {
            ticket = await db.Tickets.AsNoTracking()
                .Where(t => t.CounterId == counter.Id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .OrderByDescending(t => t.CalledAt)
                .Select(t => new ServedTicket(t.Id, t.Number, t.ServiceItemId, counter.Number)).FirstOrDefaultAsync(ct);
        }
        var items = await db.ServiceItems.AsNoTracking()
            .Where(i => i.HallId == hallId && i.IsActive && db.ServiceGuides.Any(g => g.ServiceItemId == i.Id))
            .OrderBy(i => i.SortOrder).Select(i => new GuidedItem(i.Id, LocalNames.Of(i.Name, i.NameEn), i.Prefix)).ToListAsync(ct);
        return new CounterContext(ticket, items);
    }
}
