using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Visits;

/// <summary>
/// A pharmacy counter marks a prescription ready to collect (<see cref="ReadyToCollect"/>): the ticket stays waiting,
/// in its place, and the display lists its number among the ready ones until a counter calls it.
/// </summary>
public sealed class MarkTicketReady(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct)
    {
        var db = action.Db;
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Waiting], mustBeAtThisCounter: false,
            async c =>
            {
                var here = c.Counter.Counter;
                if (!here.ServiceItems.Any(x => x.ServiceItemId == c.Ticket.ServiceItemId) && c.Ticket.TargetCounterId != counterId)
                    throw DomainException.Conflict(ErrorCodes.TicketNotServedHere, c.Ticket.Number, here.Number);
                var readyMode = await db.ServiceItems.Where(i => i.Id == c.Ticket.ServiceItemId).Select(i => i.ReadyToCollect).FirstAsync(ct);
                if (ReadyToCollect.CannotMark(readyMode, c.Ticket.Status, c.Ticket.ReadyAt) is { } code)
                    throw DomainException.Conflict(code, c.Ticket.Number, c.Ticket.Status);
                c.Ticket.ReadyAt = c.Now;
                return new TicketEvent { Kind = TicketEventKind.MarkedReady };
            }, ct);
        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        return await QueueEstimates.ViewAsync(db, result.Ticket, CancellationToken.None);
    }
}
