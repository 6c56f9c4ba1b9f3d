namespace ServiceHall.Core.Features.Queue;

/// <summary>A ticket as its holder and the API see it: no personal data.</summary>
public sealed record TicketView(
    Guid Id,
    Guid HallId,
    string Number,
    Guid ServiceItemId,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    int? Position,
    int? EstimatedWaitMinutes,
    DateTime IssuedAt,
    DateTime? CalledAt,
    Guid? CounterId,
    int? CounterNumber,
    Guid? TransferredToTicketId)
{
    public static TicketView From(Ticket t, int? position = null, int? estimatedWaitMinutes = null, int? counterNumber = null) =>
        new(t.Id, t.HallId, t.Number, t.ServiceItemId, t.Status, t.Priority, t.Channel,
            position, estimatedWaitMinutes, t.IssuedAt, t.CalledAt, t.CounterId, counterNumber, t.TransferredToTicketId);
}
