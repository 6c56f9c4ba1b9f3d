namespace ServiceHall.Core.Features.Queue;

/// <summary>The service is done; the counter is free for the next call.</summary>
public sealed class FinishService(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct)
    {
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Serving], mustBeAtThisCounter: true,
            c =>
            {
                c.Ticket.Status = TicketStatus.Done;
                c.Ticket.FinishedAt = c.Now;
                return Task.FromResult(new TicketEvent { Kind = TicketEventKind.Finished });
            }, ct);
        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
