using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>重呼: the called citizen has not come yet; the display and voice call again.</summary>
public sealed class RecallTicket(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct)
    {
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Called], mustBeAtThisCounter: true,
            c =>
            {
                c.Ticket.RecallCount++;
                return Task.FromResult(new TicketEvent { Kind = TicketEventKind.Recalled });
            }, ct, WritePriority.Call);
        await notifier.TicketCalledAsync(await CallAnnouncements.ForCallAsync(action.Db, result.Ticket, result.Counter.Counter, isRecall: true));
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
