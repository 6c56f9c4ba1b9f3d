using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

public sealed record TransferTicketRequest(Guid? ToServiceItemId, Guid? ToCounterId, string? Reason);

/// <summary>
/// 转办 (Q3): the matter belongs elsewhere. A new ticket in the target item (or for one counter)
/// keeps the number on the citizen's paper, the original issue time, place in line and priority; the
/// old one records why and where.
/// </summary>
public sealed class TransferTicket(CounterTicketAction action, IHallNotifier notifier)
{
    public async Task<TicketView> HandleAsync(Guid counterId, Guid userId, Guid ticketId, TransferTicketRequest request, CancellationToken ct)
    {
        if (request.ToServiceItemId is null && request.ToCounterId is null)
            throw DomainException.Invalid("toServiceItemId", ErrorCodes.TransferTargetRequired);
        if (request.ToServiceItemId is not null && request.ToCounterId is not null)
            throw DomainException.Invalid("toCounterId", ErrorCodes.TransferTargetAmbiguous);
        var reason = Reasons.Require(request.Reason, "reason");
        var db = action.Db;
        Ticket? created = null;

        var result = await action.RunAsync(counterId, userId, ticketId,
            [TicketStatus.Waiting, TicketStatus.Called, TicketStatus.Serving], mustBeAtThisCounter: false,
            async c =>
            {
                var old = c.Ticket;
                var here = c.Counter.Counter;
                if (old.Status != TicketStatus.Waiting && old.CounterId != counterId)
                    throw DomainException.Conflict(ErrorCodes.TicketNotAtCounter, old.Number, here.Number);
                if (old.Status == TicketStatus.Waiting && !here.ServiceItems.Any(x => x.ServiceItemId == old.ServiceItemId)
                    && old.TargetCounterId != counterId)
                    throw DomainException.Conflict(ErrorCodes.TicketNotServedHere, old.Number, here.Number);

                var (item, targetCounter) = await ResolveTargetAsync(db, old, request, ct);
                // The citizen's paper says A001: the target queue calls A001, in line by the original issue
                // time, on the day it was issued (a ticket of an earlier day is never carried over, Q7).
                created = new Ticket
                {
                    Id = Guid.CreateVersion7(c.Now),
                    HallId = old.HallId,
                    ServiceItemId = item.Id,
                    BusinessDay = old.BusinessDay,
                    Sequence = old.Sequence,
                    Number = old.Number,
                    Priority = old.Priority,
                    Channel = TicketChannel.Transfer,
                    Status = TicketStatus.Waiting,
                    IssuedAt = old.IssuedAt,
                    QueuedAt = old.QueuedAt,
                    TargetCounterId = targetCounter,
                    TransferredFromTicketId = old.Id,
                    RatingKey = old.RatingKey,
                    TransferReason = reason,
                };
                db.Tickets.Add(created);
                db.TicketEvents.Add(new TicketEvent
                {
                    TicketId = created.Id, HallId = created.HallId, Kind = TicketEventKind.TransferredIn, At = c.Now,
                    UserId = c.UserId, CounterId = counterId, Reason = reason,
                });
                old.Status = TicketStatus.Transferred;
                old.TransferredToTicketId = created.Id;
                old.TransferReason = reason;
                old.FinishedAt = c.Now;
                return new TicketEvent { Kind = TicketEventKind.TransferredOut, Reason = reason };
            }, ct);

        notifier.QueueChanged(result.Ticket.HallId);
        await notifier.TicketChangedAsync(result.Ticket.HallId, result.Ticket.Id);
        var view = await QueueEstimates.ViewAsync(db, created!, ct);
        await notifier.TicketIssuedAsync(view);
        return view;
    }

    private static async Task<(ServiceItem Item, Guid? TargetCounter)> ResolveTargetAsync(
        Data.HallDbContext db, Ticket old, TransferTicketRequest request, CancellationToken ct)
    {
        if (request.ToServiceItemId is { } itemId)
        {
            var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.HallId == old.HallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
            if (!item.IsActive)
                throw DomainException.Conflict(ErrorCodes.ServiceItemInactive);
            if (item.Id == old.ServiceItemId)
                throw DomainException.Invalid("toServiceItemId", ErrorCodes.TransferToSameItem);
            return (item, null);
        }
        var counterId = request.ToCounterId!.Value;
        var exists = await db.Counters.AnyAsync(c => c.Id == counterId && c.HallId == old.HallId, ct);
        if (!exists)
            throw DomainException.NotFound(ErrorCodes.CounterNotFound);
        var sameItem = await db.ServiceItems.AsNoTracking().SingleAsync(i => i.Id == old.ServiceItemId, ct);
        return (sameItem, counterId);
    }
}
