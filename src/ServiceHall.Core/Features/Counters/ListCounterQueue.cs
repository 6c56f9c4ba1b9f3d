using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Counters;

/// <summary>A waiting ticket as the counter workstation lists it (no personal data: tickets carry none).</summary>
public sealed record CounterQueueEntry(
    Guid TicketId,
    string Number,
    Guid ServiceItemId,
    string ServiceItemName,
    TicketPriority Priority,
    TicketChannel Channel,
    DateTime IssuedAt,
    DateTime QueuedAt,
    DateTime? AppointmentStart,
    bool SentToThisCounter,
    string? TransferReason);

public sealed record CounterQueue(int Waiting, List<CounterQueueEntry> Next);

/// <summary>
/// The tickets a counter may call (its items' queue and tickets transferred to it), in the order
/// call-next would take them: the same lanes, hall policy and selector (ADR-004), read-only.
/// </summary>
public sealed class ListCounterQueue(HallDbContext db, TimeProvider time)
{
    public async Task<CounterQueue> HandleAsync(Guid counterId, int take, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counter = await CounterAccess.FindAsync(db, counterId, ct);
        var hall = await db.Halls.AsNoTracking().SingleAsync(h => h.Id == counter.HallId, ct);
        var normalsSince = await CallNextTicket.NormalsSinceLastPriorityAsync(db, hall, now, ct);
        var rows = await CounterTicketAction.CallableAt(db, counter).AsNoTracking()
            .Join(db.ServiceItems, t => t.ServiceItemId, i => i.Id, (t, i) => new { Ticket = t, i.Name, i.MaxWaitMinutes })
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Ticket.Id);
        var order = QueueSelector.Order(
            rows.Select(r => new QueueCandidate(r.Ticket.Id, r.Ticket.Priority, r.Ticket.QueuedAt, r.Ticket.IssuedAt,
                r.MaxWaitMinutes, r.Ticket.AppointmentStart, r.Ticket.AppointmentEnd, r.Ticket.Sequence)),
            QueuePolicy.From(hall), now, normalsSince);
        var next = order.Take(take).Select(c => byId[c.Id]).Select(r => new CounterQueueEntry(
            r.Ticket.Id, r.Ticket.Number, r.Ticket.ServiceItemId, r.Name, r.Ticket.Priority, r.Ticket.Channel,
            r.Ticket.IssuedAt, r.Ticket.QueuedAt, r.Ticket.AppointmentStart, r.Ticket.TargetCounterId == counterId,
            r.Ticket.TransferReason)).ToList();
        return new CounterQueue(rows.Count, next);
    }
}
