using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Staffing;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Appointments;

public sealed record AppointmentPlanRequest(bool? Bookable, int? SlotMinutes, int? Capacity, int? DaysAhead, bool? PerCounter,
    bool? RequiresIdNumber);

public sealed record AppointmentPlanView(Guid ServiceItemId, bool Bookable, int SlotMinutes, int Capacity, int DaysAhead, bool PerCounter,
    bool RequiresIdNumber)
{
    public static AppointmentPlanView Of(Guid itemId, AppointmentPlan? p) => p is null
        ? new(itemId, false, 30, 5, 7, false, false)
        : new(itemId, true, p.SlotMinutes, p.Capacity, p.DaysAhead, p.PerCounter, p.RequiresIdNumber);
}

/// <summary>
/// A supervisor makes an item bookable (Q8), or not: slot length and capacity, days ahead, per counter or for the item.
/// Days whose slots exist keep them (their bookings stand); each slot stays editable (<see cref="UpdateSlot"/>).
/// </summary>
public sealed class SetAppointmentPlan(HallDbContext db, TimeProvider time)
{
    public async Task<AppointmentPlanView> GetAsync(Guid hallId, Guid itemId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        await ItemOfHallAsync(hallId, itemId, ct);
        return AppointmentPlanView.Of(itemId, await db.AppointmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceItemId == itemId, ct));
    }

    public async Task<AppointmentPlanView> HandleAsync(Guid hallId, Guid itemId, Guid userId, AppointmentPlanRequest request, CancellationToken ct)
    {
        var bookable = request.Bookable ?? throw DomainException.Required("bookable");
        var minutes = bookable ? UpdateStaffingSettings.Range(request.SlotMinutes, "slotMinutes", 5, 240) : 0;
        var capacity = bookable ? UpdateStaffingSettings.Range(request.Capacity, "capacity", 1, 1000) : 0;
        var ahead = bookable ? UpdateStaffingSettings.Range(request.DaysAhead, "daysAhead", 0, 90) : 0;
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        await ItemOfHallAsync(hallId, itemId, ct);

        await using var write = await db.BeginWriteAsync(ct);
        var plan = await db.AppointmentPlans.FirstOrDefaultAsync(p => p.ServiceItemId == itemId, ct);
        if (!bookable)
        {
            if (plan is not null)
                db.AppointmentPlans.Remove(plan);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return AppointmentPlanView.Of(itemId, null);
        }
        if (plan is null)
            db.AppointmentPlans.Add(plan = new AppointmentPlan { ServiceItemId = itemId, HallId = hallId });
        plan.SlotMinutes = minutes;
        plan.Capacity = capacity;
        plan.DaysAhead = ahead;
        plan.PerCounter = request.PerCounter ?? false;
        plan.RequiresIdNumber = request.RequiresIdNumber ?? false;
        plan.UpdatedAt = time.GetUtcNow().UtcDateTime;
        plan.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return AppointmentPlanView.Of(itemId, plan);
    }

    private async Task ItemOfHallAsync(Guid hallId, Guid itemId, CancellationToken ct)
    {
        if (!await db.ServiceItems.AnyAsync(i => i.Id == itemId && i.HallId == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
    }
}
