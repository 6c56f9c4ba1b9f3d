namespace ServiceHall.Core.Features.Queue;

/// <summary>The called citizen is at the counter: service begins.</summary>
public sealed class StartService(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct)
    {
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Called], mustBeAtThisCounter: true,
            c =>
            {
                c.Ticket.Status = TicketStatus.Serving;
                c.Ticket.StartedAt = c.Now;
                return Task.FromResult(new TicketEvent { Kind = TicketEventKind.Started });
            }, ct);
        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
