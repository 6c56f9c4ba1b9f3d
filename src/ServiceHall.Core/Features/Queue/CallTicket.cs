using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

public sealed record CallTicketRequest(string? Reason);

/// <summary>
/// A counter calls one chosen waiting ticket out of order — a citizen sent back by another
/// counter, a family served together — with a reason that stays on the record.
/// </summary>
public sealed class CallTicket(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CallTicketRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Waiting], mustBeAtThisCounter: false,
            async c =>
            {
                await Counters.CloseCounter.EnsureNoCurrentTicketAsync(action.Db, counterId, ct);
                var counter = c.Counter.Counter;
                var served = counter.ServiceItems.Any(x => x.ServiceItemId == c.Ticket.ServiceItemId);
                if (c.Ticket.TargetCounterId is { } target ? target != counterId : !served)
                    throw DomainException.Conflict(ErrorCodes.TicketNotServedHere, c.Ticket.Number, counter.Number);
                c.Ticket.Status = TicketStatus.Called;
                c.Ticket.CounterId = counterId;
                c.Ticket.CalledByUserId = c.UserId;
                c.Ticket.CalledAt = c.Now;
                c.Ticket.CallReason = reason;
                return new TicketEvent { Kind = TicketEventKind.CalledOutOfOrder, Reason = reason };
            }, ct, WritePriority.Call);
        await notifier.TicketCalledAsync(await CallAnnouncements.ForCallAsync(action.Db, result.Ticket, result.Counter.Counter, isRecall: false));
        notifier.QueueChanged(result.Ticket.HallId);
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
