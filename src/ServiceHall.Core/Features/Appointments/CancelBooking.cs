using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// Q8: a booking is cancelled with its code until the hall's deadline before the slot; its place goes back to the slot.
/// A wrong code answers as an unknown booking, so codes cannot be tried against known ids.
/// </summary>
public sealed class CancelBooking(HallDbContext db, TimeProvider time)
{
    public async Task HandleAsync(Guid bookingId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw DomainException.Required("code");
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !CodeMatches(booking.Code, code))
            throw DomainException.NotFound(AppointmentErrorCodes.BookingNotFound);
        if (booking.Status != BookingStatus.Booked)
            throw DomainException.Conflict(AppointmentErrorCodes.BookingNotActive);
        var rules = await UpdateAppointmentSettings.ReadAsync(db, booking.HallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!rules.MayCancel(now, booking.SlotStart))
        {
            var clock = await HallClock.ForHallAsync(db, booking.HallId, ct);
            throw DomainException.Conflict(AppointmentErrorCodes.CancelDeadlinePassed,
                clock.DateTimeText(booking.SlotStart.AddMinutes(-rules.CancelBeforeMinutes)));
        }

        await using var write = await db.BeginWriteAsync(ct);
        var cancelled = await db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), ct);
        if (cancelled == 0)
            throw DomainException.Conflict(AppointmentErrorCodes.BookingNotActive);
        await db.AppointmentSlots.Where(s => s.Id == booking.SlotId && s.Booked > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked - 1), ct);
        await write.CommitAsync(ct);
    }

    public static bool CodeMatches(string stored, string typed) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(typed.Trim().ToUpperInvariant()));
}
