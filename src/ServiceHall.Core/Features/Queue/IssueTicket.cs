namespace ServiceHall.Core.Features.Queue;

public sealed record IssueTicketRequest(
    Guid? ServiceItemId,
    TicketPriority? Priority,
    TicketChannel? Channel,
    DateTime? AppointmentStart = null,
    DateTime? AppointmentEnd = null,
    // The hall's priority category (ADR-031); the class names in Priority alone still work.
    Guid? PriorityCategoryId = null);

/// <summary>Who asks for a ticket: a citizen's phone (anonymous), an enrolled kiosk, or a signed-in person or system.</summary>
public sealed record Issuer(bool IsAnonymous, bool IsKiosk);

/// <summary>
/// Q1, Q2, Q7: a ticket for an item, with people ahead and an estimated wait. The request is checked
/// here; <see cref="TicketIssueBatcher"/> checks it against the hall and commits many issues at once.
/// </summary>
public sealed class IssueTicket(TicketIssueBatcher batcher)
{
    public Task<TicketView> HandleAsync(Guid hallId, IssueTicketRequest request, Issuer issuer)
    {
        if (request.ServiceItemId is not { } itemId)
            throw DomainException.Required("serviceItemId");
        var channel = request.Channel ?? (issuer.IsKiosk ? TicketChannel.Kiosk : issuer.IsAnonymous ? TicketChannel.Phone : TicketChannel.Api);
        // Both keep a number given before: asked for at issue they would give a number twice.
        if (channel is TicketChannel.Transfer or TicketChannel.NextStep)
            throw DomainException.Invalid("channel", ErrorCodes.InvalidChannel);
        var hasAppointment = request.AppointmentStart is not null || request.AppointmentEnd is not null;
        if (hasAppointment || channel == TicketChannel.Appointment)
        {
            // An appointment goes before walk-ins, so only signed-in people and systems may claim one: not a
            // phone, and not a kiosk either, where anyone may tap.
            if (issuer.IsAnonymous || issuer.IsKiosk)
                throw DomainException.Invalid("appointmentStart", ErrorCodes.AppointmentNotAllowed);
            if (request.AppointmentStart is not { } s || request.AppointmentEnd is not { } e || e <= s)
                throw DomainException.Invalid("appointmentEnd", ErrorCodes.AppointmentSlotInvalid);
            channel = TicketChannel.Appointment;
        }

        // The hall, the item, the hours and the business day are checked by the batcher, once per
        // batch for all its requests, with the same answers as if checked here.
        var pending = new PendingIssue(hallId, itemId, request.Priority ?? TicketPriority.Normal, channel,
            ToUtc(request.AppointmentStart), ToUtc(request.AppointmentEnd), request.PriorityCategoryId);
        return batcher.IssueAsync(pending);
    }

    private static DateTime? ToUtc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Utc => value,
        _ => value.Value.ToUniversalTime(),
    };
}
