using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Reads the figures behind a ticket's position and estimated wait.</summary>
public static class QueueEstimates
{
    /// <summary>Counters staffed now that serve the item; when none is, those scheduled to.</summary>
    public static async Task<int> ServingCountersAsync(HallDbContext db, Guid serviceItemId, CancellationToken ct)
    {
        var counterIds = db.CounterServiceItems.Where(x => x.ServiceItemId == serviceItemId).Select(x => x.CounterId);
        var open = await db.CounterSessions.CountAsync(s => s.ClosedAt == null && counterIds.Contains(s.CounterId), ct);
        if (open > 0)
            return open;
        return await db.Counters.CountAsync(c => c.InService && counterIds.Contains(c.Id), ct);
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
        var counters = await ServingCountersAsync(db, ticket.ServiceItemId, ct);
        return TicketView.From(ticket, ahead, WaitEstimator.EstimateMinutes(ahead, item.AverageServiceMinutes, counters));
    }
}
