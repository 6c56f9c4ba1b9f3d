using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Visits;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// The service is done; the counter is free for the next call. When the item names a next step (挂号 → 缴费 → 取药),
/// the citizen is sent on in the same transaction: a waiting ticket of the next item under the same number
/// (<see cref="NextStepTicket"/>). "Without next step" (the patient leaves) finishes the visit here, recorded.
/// </summary>
public sealed class FinishService(CounterTicketAction action, IHallNotifier notifier)
{
    public Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        HandleAsync(counterId, userId, ticketId, withoutNextStep: false, ct);

    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, bool withoutNextStep, CancellationToken ct)
    {
        var db = action.Db;
        Ticket? next = null;
        var result = await action.RunAsync(counterId, userId, ticketId, [TicketStatus.Serving], mustBeAtThisCounter: true,
            async c =>
            {
                c.Ticket.Status = TicketStatus.Done;
                c.Ticket.FinishedAt = c.Now;
                // An inactive next item takes no one: the visit ends here, as it would without a next step; so does every
                // step in a hall that has switched multi-step visits off (P7).
                var steps = HallModules.IsOn(await db.Halls.Where(h => h.Id == c.Ticket.HallId).Select(h => h.ModulesOff).FirstAsync(ct),
                    HallModule.MultiStepVisits);
                var nextItemId = !steps ? null : await db.ServiceItems.Where(i => i.Id == c.Ticket.ServiceItemId)
                    .Select(i => db.ServiceItems.Where(n => n.Id == i.NextStepItemId && n.IsActive).Select(n => (Guid?)n.Id).FirstOrDefault())
                    .FirstOrDefaultAsync(ct);
                if (nextItemId is { } nextId)
                {
                    if (withoutNextStep)
                        c.Ticket.SkippedNextStep = true;
                    else
                    {
                        next = NextStepTicket.From(c.Ticket, nextId, c.Now);
                        db.Tickets.Add(next);
                        c.Ticket.NextStepTicketId = next.Id;
                    }
                }
                return new TicketEvent { Kind = TicketEventKind.Finished };
            }, ct);
        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        if (next is not null)
            await notifier.TicketIssuedAsync(await QueueEstimates.ViewAsync(db, next, CancellationToken.None));
        return TicketView.From(result.Ticket, counterNumber: result.Counter.Counter.Number);
    }
}
