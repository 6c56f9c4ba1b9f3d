using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Input;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Appointments;

public sealed record RevealBookingRequest([property: Text(Reasons.MaxLength)] string? Purpose);

public sealed record RevealedBooking(Guid Id, string Name, string Phone, string? IdNumber);

/// <summary>A supervisor reads a booking's name, phone and ID number in clear, with a purpose; each read is audited (P3).</summary>
public sealed class RevealBooking(HallDbContext db, IPersonalDataVault vault)
{
    public async Task<RevealedBooking> HandleAsync(Guid bookingId, Guid readerId, RevealBookingRequest request, CancellationToken ct)
    {
        var purpose = Reasons.Require(request.Purpose, "purpose");
        var b = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == bookingId, ct)
                ?? throw DomainException.NotFound(AppointmentErrorCodes.BookingNotFound);
        await HallAccess.EnsureAsync(db, b.HallId, readerId, ct);
        const string subject = "Booking";
        await using var write = await db.BeginWriteAsync(ct);
        var name = await vault.RevealAsync(new SealedRef(PersonalDataKind.Name, b.NameCipher, subject, b.Id, b.HallId), readerId, purpose, ct);
        var phone = await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, b.PhoneCipher, subject, b.Id, b.HallId), readerId, purpose, ct);
        var id = b.IdNumberCipher.Length == 0 ? null
            : await vault.RevealAsync(new SealedRef(PersonalDataKind.IdNumber, b.IdNumberCipher, subject, b.Id, b.HallId), readerId, purpose, ct);
        await write.CommitAsync(ct);
        return new RevealedBooking(b.Id, name, phone, id);
    }
}
