using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>Makes a day's slots from the plan, once: by the first reading of the day within the plan's days ahead.</summary>
public static class GenerateSlots
{
    public static async Task EnsureAsync(HallDbContext db, Hall hall, ServiceItem item, AppointmentPlan plan, AppointmentRules rules,
        HallClock clock, DateOnly day, DateTime now, CancellationToken ct)
    {
        var today = clock.BusinessDay(now);
        if (day < today || day > today.AddDays(plan.DaysAhead))
            return;
        if (await db.AppointmentSlots.AnyAsync(s => s.ServiceItemId == item.Id && s.Day == day, ct))
            return;
        var schedule = await HallDays.ScheduleAsync(db, hall, day, ct);
        var times = SlotTimes.Of(schedule, item.ServedFrom, item.ServedUntil, plan.SlotMinutes);
        if (times.Count == 0)
            return;
        List<Guid?> resources = plan.PerCounter
            ? (await db.CounterServiceItems.AsNoTracking().Where(c => c.ServiceItemId == item.Id)
                .Join(db.Counters.Where(c => c.IsActive), cs => cs.CounterId, c => c.Id, (cs, c) => new { c.Id, c.Number })
                .OrderBy(c => c.Number).Select(c => c.Id).ToListAsync(ct)).Select(id => (Guid?)id).ToList()
            : [null];
        var held = AppointmentRules.HeldOf(plan.Capacity, rules.HeldPercent);
        var slots = (from t in times
            from counter in resources
            select new AppointmentSlot
            {
                Id = Guid.CreateVersion7(now), HallId = hall.Id, ServiceItemId = item.Id, CounterId = counter,
                ResourceKey = counter ?? Guid.Empty, Day = day, Start = clock.ToUtc(day, t.Start), End = clock.ToUtc(day, t.End),
                Capacity = plan.Capacity, Held = held,
            }).ToList();
        try
        {
            await using var write = await db.BeginWriteAsync(ct);
            db.AppointmentSlots.AddRange(slots);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another reader (or node) made the day's slots first: theirs stand.
        }
        finally
        {
            foreach (var slot in slots)
                db.Entry(slot).State = EntityState.Detached;
        }
    }
}
