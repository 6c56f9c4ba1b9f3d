using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Staffing;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Appointments;

public sealed record UpdateSlotRequest(int? Capacity, int? Held);

/// <summary>
/// A supervisor changes one slot: its capacity (0 closes it to new bookings) and its held places, never below what is
/// booked. The change is one conditional update, so a booking taken meanwhile is never cut off.
/// </summary>
public sealed class UpdateSlot(HallDbContext db)
{
    public async Task<SlotDetail> HandleAsync(Guid slotId, Guid userId, UpdateSlotRequest request, CancellationToken ct)
    {
        var capacity = UpdateStaffingSettings.Range(request.Capacity, "capacity", 0, 1000);
        var held = UpdateStaffingSettings.Range(request.Held, "held", 0, capacity);
        var slot = await db.AppointmentSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct)
                   ?? throw DomainException.NotFound(AppointmentErrorCodes.SlotNotFound);
        await HallAccess.EnsureAsync(db, slot.HallId, userId, ct);

        await using var write = await db.BeginWriteAsync(ct);
        var changed = await db.AppointmentSlots.Where(s => s.Id == slotId && s.Booked <= capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, capacity).SetProperty(s => s.Held, held), ct);
        if (changed == 0)
            throw DomainException.Conflict(AppointmentErrorCodes.CapacityBelowBooked, slot.Booked);
        await write.CommitAsync(ct);
        return (await ListBookings.SlotsAsync(db, slot.HallId, slot.Day, slotId, ct)).Single();
    }
}
