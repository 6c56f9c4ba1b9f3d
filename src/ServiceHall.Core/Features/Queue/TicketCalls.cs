using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Queue;

internal static class TicketCalls
{
    public static TicketCall From(Ticket ticket, Counter counter, bool isRecall) =>
        new(ticket.HallId, ticket.Id, ticket.Number, ticket.ServiceItemId, counter.Id, counter.Number, counter.Name,
            ticket.CalledAt ?? default, isRecall);
}
