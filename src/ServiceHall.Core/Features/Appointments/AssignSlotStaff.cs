using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Appointments;

public sealed record AssignSlotStaffRequest(Guid? StaffUserId);

/// <summary>
/// A supervisor names the staff member (a doctor) a slot is with, or none: a citizen who checks in for it is then sent to
/// the counter that staff member is signed in at (<see cref="AppointmentCounter"/>). A slot of a counter keeps its counter.
/// </summary>
public sealed class AssignSlotStaff(HallDbContext db)
{
    public async Task<SlotDetail> HandleAsync(Guid slotId, Guid userId, AssignSlotStaffRequest request, CancellationToken ct)
    {
        var slot = await db.AppointmentSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct)
                   ?? throw DomainException.NotFound(AppointmentErrorCodes.SlotNotFound);
        await HallAccess.EnsureAsync(db, slot.HallId, userId, ct);
        if (request.StaffUserId is { } staff && !await HallMembers.WithRole(db, slot.HallId, Roles.Staff).AnyAsync(u => u.Id == staff, ct))
            throw DomainException.Invalid("staffUserId", ErrorCodes.UserNotFound);
        if (request.StaffUserId is not null && slot.CounterId is not null)
            throw DomainException.Conflict(AppointmentErrorCodes.SlotHasCounter);

        await using var write = await db.BeginWriteAsync(ct);
        await db.AppointmentSlots.Where(s => s.Id == slotId).ExecuteUpdateAsync(u => u.SetProperty(s => s.StaffUserId, request.StaffUserId), ct);
        await write.CommitAsync(ct);
        return (await ListBookings.SlotsAsync(db, slot.HallId, slot.Day, slotId, ct)).Single();
    }
}
