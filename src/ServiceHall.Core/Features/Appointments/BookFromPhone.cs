using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// Q8 from the citizen's own phone (the public booking page): an online booking, with every rule of <see cref="BookSlot"/>
/// (one per person, item and day; 爽约 block; held places), in a hall that uses appointments only.
/// </summary>
public sealed class BookFromPhone(HallDbContext db, BookSlot book)
{
    public async Task<BookingView> HandleAsync(Guid slotId, Guid userId, BookSlotRequest request, CancellationToken ct)
    {
        var hall = await db.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId)
                       .Join(db.Halls.AsNoTracking(), s => s.HallId, h => h.Id, (_, h) => h).FirstOrDefaultAsync(ct)
                   ?? throw DomainException.NotFound(AppointmentErrorCodes.SlotNotFound);
        if (!AppointmentsModule.IsUsedBy(hall))
            throw DomainException.NotFound(AppointmentErrorCodes.NotBookable);
        return await book.HandleAsync(slotId, userId, BookingChannel.Online, request, ct);
    }
}
