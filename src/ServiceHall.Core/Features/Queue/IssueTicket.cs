using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

public sealed record IssueTicketRequest(
    Guid? ServiceItemId,
    TicketPriority? Priority,
    TicketChannel? Channel,
    DateTime? AppointmentStart = null,
    DateTime? AppointmentEnd = null);

/// <summary>Who asks for a ticket: a citizen's phone (anonymous), a kiosk, or a signed-in system.</summary>
public sealed record Issuer(bool IsAnonymous, bool IsKiosk);

/// <summary>
/// Q1, Q2, Q7: a ticket for an item, with people ahead and an estimated wait. Validation reads here;
/// the write goes through <see cref="TicketIssueBatcher"/>, which commits many issues at once.
/// </summary>
public sealed class IssueTicket(HallDbContext db, TicketIssueBatcher batcher, TimeProvider time)
{
    public async Task<TicketView> HandleAsync(Guid hallId, IssueTicketRequest request, Issuer issuer, CancellationToken ct)
    {
        if (request.ServiceItemId is not { } itemId)
            throw DomainException.Required("serviceItemId");
        var channel = request.Channel ?? (issuer.IsKiosk ? TicketChannel.Kiosk : issuer.IsAnonymous ? TicketChannel.Phone : TicketChannel.Api);
        if (channel == TicketChannel.Transfer)
            throw DomainException.Invalid("channel", ErrorCodes.Required, "channel");
        var hasAppointment = request.AppointmentStart is not null || request.AppointmentEnd is not null;
        if (hasAppointment || channel == TicketChannel.Appointment)
        {
            // An appointment goes before walk-ins, so only trusted devices and systems may claim one.
            if (issuer.IsAnonymous)
                throw DomainException.Invalid("appointmentStart", ErrorCodes.AppointmentNotAllowed);
            if (request.AppointmentStart is not { } s || request.AppointmentEnd is not { } e || e <= s)
                throw DomainException.Invalid("appointmentEnd", ErrorCodes.AppointmentSlotInvalid);
            channel = TicketChannel.Appointment;
        }

        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.HallId == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        if (!item.IsActive)
            throw DomainException.Conflict(ErrorCodes.ServiceItemInactive);

        var now = time.GetUtcNow().UtcDateTime;
        var clock = new HallClock(hall.TimeZoneId);
        switch (clock.IssueWindowAt(hall, now))
        {
            case IssueWindow.NotYetOpen:
                throw DomainException.Conflict(ErrorCodes.IssuingNotYetOpen, hall.OpensAt.ToString("HH:mm"));
            case IssueWindow.Closed:
                throw DomainException.Conflict(ErrorCodes.IssuingClosed, hall.IssueCutoff.ToString("HH:mm"));
        }
        var day = clock.BusinessDay(now);
        if (await db.BusinessDays.AnyAsync(d => d.HallId == hallId && d.Date == day, ct))
            throw DomainException.Conflict(ErrorCodes.BusinessDayClosed);

        var pending = new PendingIssue(hallId, item.Id, item.Prefix, item.AverageServiceMinutes, day,
            request.Priority ?? TicketPriority.Normal, channel,
            ToUtc(request.AppointmentStart), ToUtc(request.AppointmentEnd));
        return await batcher.IssueAsync(pending);
    }

    private static DateTime? ToUtc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Utc => value,
        _ => value.Value.ToUniversalTime(),
    };
}
