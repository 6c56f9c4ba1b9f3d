using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// A booking read back by its holder with its code (the phone page's booking after a reload); a wrong code answers as an
/// unknown booking, as <see cref="CancelBooking"/> does.
/// </summary>
public sealed class GetBooking(HallDbContext db)
{
    public async Task<BookingView> HandleAsync(Guid bookingId, string? code, CancellationToken ct)
    {
        var booking = await FindAsync(db, bookingId, code, ct);
        return BookingView.Of(booking, await HallClock.ForHallAsync(db, booking.HallId, ct));
    }

    /// <summary>The booking if <paramref name="code"/> is its own; else 404.</summary>
    public static async Task<Booking> FindAsync(HallDbContext db, Guid bookingId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw DomainException.Required("code");
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !CancelBooking.CodeMatches(booking.Code, code))
            throw DomainException.NotFound(AppointmentErrorCodes.BookingNotFound);
        return booking;
    }
}
