namespace ServiceHall.Core.Features.Queue;

/// <summary>过号: the called citizen did not come. A late arrival may re-queue once (<see cref="RequeueTicket"/>).</summary>
public sealed class MarkNoShow(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct)
    {
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Called], mustBeAtThisCounter: true,
            c =>
            {
                c.Ticket.Status = TicketStatus.NoShow;
                c.Ticket.NoShowAt = c.Now;
                return Task.FromResult(new TicketEvent { Kind = TicketEventKind.NoShow });
            }, ct);
        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
