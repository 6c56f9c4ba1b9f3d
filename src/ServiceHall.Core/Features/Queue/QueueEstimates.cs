using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Reads the figures behind a ticket's position and estimated wait.</summary>
public static class QueueEstimates
{
    /// <summary>Per item, the counters staffed now that serve it; when none is, those scheduled to.</summary>
    public static async Task<Dictionary<Guid, int>> ServingCountersAsync(HallDbContext db, List<Guid> itemIds, CancellationToken ct)
    {
        var links = await db.CounterServiceItems.Where(x => itemIds.Contains(x.ServiceItemId))
            .Select(x => new
            {
                x.ServiceItemId,
                Staffed = db.CounterSessions.Any(s => s.CounterId == x.CounterId && s.ClosedAt == null),
                InService = x.Counter!.InService && x.Counter.IsActive,
            })
            .ToListAsync(ct);
        return links.GroupBy(l => l.ServiceItemId).ToDictionary(g => g.Key,
            g => g.Count(l => l.Staffed) is var staffed and > 0 ? staffed : g.Count(l => l.InService));
    }

    /// <summary>Waiting tickets of the item that go before the given one.</summary>
    public static Task<int> PeopleAheadAsync(HallDbContext db, Ticket ticket, CancellationToken ct)
    {
        var ahead = QueueLanes.AheadOf(ticket.Priority);
        var sameLaneRank = QueueLanes.Rank(ticket.Priority);
        var higher = ahead.Where(p => QueueLanes.Rank(p) < sameLaneRank).ToArray();
        var sameLane = ahead.Where(p => QueueLanes.Rank(p) == sameLaneRank).ToArray();
        return db.Tickets.CountAsync(t =>
            t.Status == TicketStatus.Waiting && t.ServiceItemId == ticket.ServiceItemId && t.Id != ticket.Id
            && t.TargetCounterId == ticket.TargetCounterId
            && (higher.Contains(t.Priority)
                || (sameLane.Contains(t.Priority) && (t.QueuedAt < ticket.QueuedAt
                    || (t.QueuedAt == ticket.QueuedAt && t.Sequence < ticket.Sequence)))), ct);
    }

    public static async Task<TicketView> ViewAsync(HallDbContext db, Ticket ticket, CancellationToken ct)
    {
        int? counterNumber = ticket.CounterId is { } counterId
            ? await db.Counters.Where(c => c.Id == counterId).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct)
            : null;
        if (ticket.Status != TicketStatus.Waiting)
            return TicketView.From(ticket, counterNumber: counterNumber);
        var item = await db.ServiceItems.AsNoTracking().SingleAsync(i => i.Id == ticket.ServiceItemId, ct);
        var ahead = await PeopleAheadAsync(db, ticket, ct);
        var counters = await ServingCountersAsync(db, [ticket.ServiceItemId], ct);
        return TicketView.From(ticket, ahead,
            WaitEstimator.EstimateMinutes(ahead, item.AverageServiceMinutes, counters.GetValueOrDefault(ticket.ServiceItemId)));
    }
}
