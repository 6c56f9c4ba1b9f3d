using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Priorities;
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
    string? TransferReason,
    // A pharmacy's item in ready-to-collect mode: the counter marks the ticket ready before it can be called.
    bool ReadyMode = false,
    DateTime? ReadyAt = null,
    // The hall's priority category claimed, in the page's language (null: none, or only a class).
    string? PriorityName = null);

public sealed record CounterQueue(int Waiting, List<CounterQueueEntry> Next);

/// <summary>
/// The tickets a counter may call (its items' queue and tickets transferred to it), in the order
/// call-next would take them: the same lanes, hall policy and selector (ADR-004), read-only. Only the
/// head of each lane is read, as call-next does (<see cref="CounterCandidates"/>); the count of all
/// waiting comes from the waiting counts.
/// </summary>
public sealed class ListCounterQueue(HallDbContext db, TimeProvider time)
{
    public async Task<CounterQueue> HandleAsync(Guid counterId, int take, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counter = await CounterAccess.FindAsync(db, counterId, ct);
        var hall = await HallById.FindAsync(db, counter.HallId, ct) ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var normalsSince = await CallNextTicket.NormalsSinceLastPriorityAsync(db, hall, now, ct);
        var (candidates, waiting) = await CounterCandidates.LoadAsync(db, counter, now,
            new HallClock(hall.TimeZoneId).BusinessDay(now), take, ct, readyOnly: false);
        var order = QueueSelector.Order(candidates, QueuePolicy.From(hall), now, normalsSince)
            .Take(take).Select(c => c.Id).ToList();

        var rows = await db.Tickets.AsNoTracking().Where(t => order.Contains(t.Id))
            .Join(db.ServiceItems, t => t.ServiceItemId, i => i.Id, (t, i) => new
            {
                Ticket = t, i.Name, i.NameEn, i.ReadyToCollect,
                Category = db.Set<PriorityCategory>().Where(p => p.Id == t.PriorityCategoryId).Select(p => new { p.NameZh, p.NameEn }).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Ticket.Id, ct);
        // A ticket called meanwhile is still listed with what it was: the page reads again on every change.
        var next = order.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new CounterQueueEntry(
            r.Ticket.Id, r.Ticket.Number, r.Ticket.ServiceItemId, LocalNames.Of(r.Name, r.NameEn), r.Ticket.Priority, r.Ticket.Channel,
            r.Ticket.IssuedAt, r.Ticket.QueuedAt, r.Ticket.AppointmentStart, r.Ticket.TargetCounterId == counterId,
            r.Ticket.TransferReason, r.ReadyToCollect, r.Ticket.ReadyAt,
            r.Category is { } c ? LocalNames.Of(c.NameZh, c.NameEn) : null)).ToList();
        return new CounterQueue(waiting, next);
    }
}
