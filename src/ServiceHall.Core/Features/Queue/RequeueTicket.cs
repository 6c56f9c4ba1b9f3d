using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// A citizen who missed the call arrives within the hall's window: the ticket goes back in line,
/// at the end of its lane, once. A second miss needs a new ticket.
/// </summary>
public sealed class RequeueTicket(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid ticketId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        TicketView view;
        Ticket ticket;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
            if (ticket.Status != TicketStatus.NoShow || ticket.RequeueCount > 0)
                throw DomainException.Conflict(ErrorCodes.RequeueNotAllowed, ticket.Number);
            var window = await db.Halls.Where(h => h.Id == ticket.HallId).Select(h => h.NoShowRequeueMinutes).SingleAsync(ct);
            if (ticket.NoShowAt is not { } missedAt || now - missedAt > TimeSpan.FromMinutes(window))
                throw DomainException.Conflict(ErrorCodes.RequeueWindowPassed, ticket.Number, window);

            ticket.Status = TicketStatus.Waiting;
            ticket.QueuedAt = now;
            ticket.CounterId = null;
            ticket.CalledAt = null;
            ticket.CalledByUserId = null;
            ticket.RequeueCount++;
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, HallId = ticket.HallId, Kind = TicketEventKind.Requeued, At = now, UserId = userId,
            });
            // A no-show of a day already over (its window ran past midnight) reopens that day: its tally is summed again.
            await TallyDay.DropAsync(db, ticket.HallId, ticket.BusinessDay, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw DomainException.Conflict(ErrorCodes.RequeueNotAllowed, ticket.Number);
            }
            view = await QueueEstimates.ViewAsync(db, ticket, ct);
            await write.CommitAsync(ct);
        }
        notifier.QueueChanged(ticket.HallId);
        await notifier.TicketChangedAsync(ticket.HallId, ticket.Id);
        return view;
    }
}
