using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Input;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Appointments;

public sealed record CheckInRequest([property: Text(40)] string? Code, [property: Text(18)] string? IdNumber);

public sealed record CheckInResult(BookingView Booking, TicketView Ticket);

/// <summary>
/// Q8 on arrival: the booking code (typed, or read from its QR code), or the ID number for an item that takes one, within
/// the slot's check-in window gives a ticket in the appointment lane by the ordinary issue path; too early or too late is
/// refused with the window's times, and the citizen takes a walk-in ticket instead.
/// </summary>
public sealed class CheckInBooking(HallDbContext db, IPersonalDataVault vault, TicketIssueBatcher batcher, TimeProvider time)
{
    public async Task<CheckInResult> HandleAsync(Guid hallId, CheckInRequest request, CancellationToken ct)
    {
        var code = request.Code?.Trim().ToUpperInvariant();
        var idNumber = string.IsNullOrWhiteSpace(request.IdNumber) ? null : request.IdNumber.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) && idNumber is null)
            throw DomainException.Required("code");
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
                   ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var clock = new HallClock(hall.TimeZoneId);
        var rules = await UpdateAppointmentSettings.ReadAsync(db, hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;

        var booking = !string.IsNullOrEmpty(code)
            ? await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.HallId == hallId && b.Code == code, ct)
            : await ByIdNumberAsync(hallId, idNumber!, rules, clock.BusinessDay(now), now, ct);
        if (booking is null)
            throw DomainException.NotFound(AppointmentErrorCodes.CheckInNotFound);
        if (booking.Status != BookingStatus.Booked)
            throw DomainException.Conflict(AppointmentErrorCodes.BookingNotActive);
        var window = $"{clock.TimeText(booking.SlotStart)}–{clock.TimeText(booking.SlotEnd)}";
        switch (rules.CheckInAt(now, booking.SlotStart))
        {
            case CheckInTiming.TooEarly:
                throw DomainException.Conflict(AppointmentErrorCodes.CheckInTooEarly, window,
                    clock.TimeText(rules.CheckInOpensAt(booking.SlotStart)));
            case CheckInTiming.TooLate:
                throw DomainException.Conflict(AppointmentErrorCodes.CheckInTooLate, window);
        }

        // A slot of a counter, or of a staff member signed in now, gives a ticket only that counter calls.
        var slot = await db.AppointmentSlots.AsNoTracking().Where(s => s.Id == booking.SlotId)
            .Select(s => new { s.CounterId, s.StaffUserId }).FirstAsync(ct);
        var atWork = slot.CounterId is null && slot.StaffUserId is { } staff
            ? await db.CounterSessions.AsNoTracking().Where(s => s.HallId == hallId && s.UserId == staff && s.ClosedAt == null)
                .Select(s => new CounterAtWork(s.CounterId, s.UserId, s.OpenedAt)).ToListAsync(ct)
            : [];
        var target = AppointmentCounter.For(slot.CounterId, slot.StaffUserId, atWork);

        await using (var write = await db.BeginWriteAsync(ct))
        {
            var claimed = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.CheckedIn).SetProperty(b => b.CheckedInAt, now), ct);
            if (claimed == 0)
                throw DomainException.Conflict(AppointmentErrorCodes.BookingNotActive);
            await write.CommitAsync(ct);
        }

        // A check-in allowed late still goes in the appointment lane: the lane runs to the later of the slot's end and the window's.
        var laneEnd = rules.CheckInClosesAt(booking.SlotStart) > booking.SlotEnd ? rules.CheckInClosesAt(booking.SlotStart) : booking.SlotEnd;
        TicketView ticket;
        try
        {
            ticket = await batcher.IssueAsync(new PendingIssue(hallId, booking.ServiceItemId, TicketPriority.Normal, TicketChannel.Appointment,
                booking.SlotStart, laneEnd, TargetCounterId: target));
        }
        catch
        {
            // No ticket (the hall refused one): the booking stands as it was, nothing half-written.
            await using var undo = await db.BeginWriteAsync(CancellationToken.None);
            await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.CheckedIn)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Booked).SetProperty(b => b.CheckedInAt, (DateTime?)null),
                    CancellationToken.None);
            await undo.CommitAsync(CancellationToken.None);
            throw;
        }
        await using (var write = await db.BeginWriteAsync(ct))
        {
            await db.Bookings.Where(b => b.Id == booking.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.TicketId, ticket.Id), ct);
            await write.CommitAsync(ct);
        }
        booking.Status = BookingStatus.CheckedIn;
        booking.CheckedInAt = now;
        booking.TicketId = ticket.Id;
        return new CheckInResult(BookingView.Of(booking, clock), ticket);
    }

    /// <summary>Today's booking of this ID number whose window is open now, or else its first one (to say when to come).</summary>
    private async Task<Booking?> ByIdNumberAsync(Guid hallId, string idNumber, AppointmentRules rules, DateOnly today, DateTime now, CancellationToken ct)
    {
        if (!PersonalNumberDetector.IsIdNumber(idNumber))
            throw DomainException.Invalid("idNumber", ErrorCodes.IdNumberInvalid);
        var key = await vault.LookupKeyAsync(PersonalDataKind.IdNumber, idNumber, ct);
        var todays = await db.Bookings.AsNoTracking()
            .Where(b => b.HallId == hallId && b.IdNumberKey == key && b.Day == today && b.Status == BookingStatus.Booked)
            .OrderBy(b => b.SlotStart).ToListAsync(ct);
        return todays.FirstOrDefault(b => rules.CheckInAt(now, b.SlotStart) == CheckInTiming.InTime) ?? todays.FirstOrDefault();
    }
}
