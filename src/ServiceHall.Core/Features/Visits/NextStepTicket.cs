using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Visits;

/// <summary>
/// The ticket of a visit's next step (ADR-029). A new row per step, so that every figure counts the step under its
/// own item as before; it keeps the number on the citizen's paper, the priority and the rating key, and takes its
/// place in the next line by the visit's issue time. Pure.
/// </summary>
public static class NextStepTicket
{
    public static Ticket From(Ticket finished, Guid nextItemId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HallId = finished.HallId,
        ServiceItemId = nextItemId,
        BusinessDay = finished.BusinessDay,
        Sequence = finished.Sequence,
        Number = finished.Number,
        Priority = finished.Priority,
        Channel = TicketChannel.NextStep,
        Status = TicketStatus.Waiting,
        IssuedAt = finished.IssuedAt,
        // First come, first served by the visit: a patient who registered earlier pays earlier (ADR-004, lane order).
        QueuedAt = finished.IssuedAt,
        ArrivedAt = now,
        RatingKey = finished.RatingKey,
        VisitTicketId = finished.VisitTicketId ?? finished.Id,
    };
}
