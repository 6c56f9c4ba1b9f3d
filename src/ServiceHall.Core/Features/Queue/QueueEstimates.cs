using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Reads the figures behind a ticket's position and estimated wait.</summary>
public static class QueueEstimates
{
    /// <summary>Per item of the hall, the counters staffed now that serve it; when none is, those scheduled to.</summary>
    public static async Task<Dictionary<Guid, int>> ServingCountersAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var links = new List<CounterLink>();
        await foreach (var link in CounterLinks.For(db)(db, hallId).WithCancellation(ct))
            links.Add(link);
        return links.GroupBy(l => l.ServiceItemId).ToDictionary(g => g.Key,
            g => g.Count(l => l.Staffed) is var staffed and > 0 ? staffed : g.Count(l => l.InService));
    }

    private sealed record CounterLink(Guid ServiceItemId, bool Staffed, bool InService);

    // Read for every batch of tickets: compiled once per provider.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<CounterLink>>> CounterLinks = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId) =>
            db.CounterServiceItems.Where(x => x.Counter!.HallId == hallId)
                .Select(x => new CounterLink(x.ServiceItemId,
                    db.CounterSessions.Any(s => s.CounterId == x.CounterId && s.ClosedAt == null),
                    x.Counter!.InService && x.Counter.IsActive))));

    /// <summary>Waiting tickets of the item that go before the given one: earlier lanes, then earlier in its own (IX_Tickets_Waiting).</summary>
    public static Task<int> PeopleAheadAsync(HallDbContext db, Ticket ticket, CancellationToken ct) =>
        db.Tickets.CountAsync(t =>
            t.HallId == ticket.HallId && t.ServiceItemId == ticket.ServiceItemId && t.Status == TicketStatus.Waiting
            && t.Id != ticket.Id && t.TargetCounterId == ticket.TargetCounterId
            && (t.Lane < ticket.Lane
                || (t.Lane == ticket.Lane && (t.QueuedAt < ticket.QueuedAt
                    || (t.QueuedAt == ticket.QueuedAt && t.Sequence < ticket.Sequence)))), ct);

    public static async Task<TicketView> ViewAsync(HallDbContext db, Ticket ticket, CancellationToken ct)
    {
        int? counterNumber = ticket.CounterId is { } counterId
            ? await db.Counters.Where(c => c.Id == counterId).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct)
            : null;
        if (ticket.Status != TicketStatus.Waiting)
            return await CallAnnouncements.ForViewAsync(db, ticket, TicketView.From(ticket, counterNumber: counterNumber), ct);
        var item = await db.ServiceItems.AsNoTracking().SingleAsync(i => i.Id == ticket.ServiceItemId, ct);
        var ahead = await PeopleAheadAsync(db, ticket, ct);
        var counters = await ServingCountersAsync(db, ticket.HallId, ct);
        return TicketView.From(ticket, ahead,
            WaitEstimator.EstimateMinutes(ahead, item.AverageServiceMinutes, counters.GetValueOrDefault(ticket.ServiceItemId)));
    }
}
