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
    int? PeopleAhead,
    int? EstimatedWaitMinutes,
    DateTime IssuedAt,
    DateTime? CalledAt,
    Guid? CounterId,
    int? CounterNumber,
    Guid? TransferredToTicketId,
    // Only in the answer to the issuer (the kiosk prints it in the QR code); null everywhere else.
    string? RatingKey = null,
    // The call's words (请A001号到3号窗口取药) while the ticket is called or served: the phone's "your turn" line.
    string? Announcement = null,
    string? AnnouncementEn = null,
    // A finished step's next one (挂号 → 缴费): the phone follows it as it follows a transfer.
    Guid? NextStepTicketId = null,
    // A pharmacy's ticket marked ready to collect.
    DateTime? ReadyAt = null,
    // The hall's priority category the ticket claimed (the kiosk prints its name).
    Guid? PriorityCategoryId = null)
{
    /// <summary>For a waiting ticket, <paramref name="peopleAhead"/> gives the place in line (1 = next).</summary>
    public static TicketView From(Ticket t, int? peopleAhead = null, int? estimatedWaitMinutes = null, int? counterNumber = null) =>
        new(t.Id, t.HallId, t.Number, t.ServiceItemId, t.Status, t.Priority, t.Channel,
            peopleAhead + 1, peopleAhead, estimatedWaitMinutes, t.IssuedAt, t.CalledAt, t.CounterId, counterNumber, t.TransferredToTicketId,
            NextStepTicketId: t.NextStepTicketId, ReadyAt: t.ReadyAt, PriorityCategoryId: t.PriorityCategoryId);
}
