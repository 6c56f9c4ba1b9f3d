using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>A slot as an appointment platform sees it: what it may still book (held places not counted until released).</summary>
public sealed record SlotView(Guid Id, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Available);

/// <summary>
/// The slots of a bookable item on a date (Q8). A day within the plan's days ahead gets its slots on its first reading,
/// from the hall's hours on it (none on a day off); an earlier or later day lists what exists.
/// </summary>
public sealed class ListSlots(HallDbContext db, TimeProvider time)
{
    public async Task<List<SlotView>> HandleAsync(Guid hallId, Guid itemId, DateOnly? date, CancellationToken ct)
    {
        if (date is not { } day)
            throw DomainException.Required("date");
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
                   ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.HallId == hallId, ct)
                   ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        var plan = await db.AppointmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceItemId == itemId, ct);
        if (plan is null || !item.IsActive)
            throw DomainException.NotFound(AppointmentErrorCodes.NotBookable);
        var rules = await UpdateAppointmentSettings.ReadAsync(db, hallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var now = time.GetUtcNow().UtcDateTime;
        await GenerateSlots.EnsureAsync(db, hall, item, plan, rules, clock, day, now, ct);

        var slots = await db.AppointmentSlots.AsNoTracking().Where(s => s.ServiceItemId == itemId && s.Day == day)
            .OrderBy(s => s.Start).ThenBy(s => s.ResourceKey).ToListAsync(ct);
        var released = rules.IsReleased(day, clock.ToLocal(now));
        return slots.Select(s => new SlotView(s.Id, Local(clock, s.Start), Local(clock, s.End), s.Capacity,
            s.Start <= now ? 0 : AppointmentRules.Available(s.Capacity, s.Held, s.Booked, released))).ToList();
    }

    /// <summary>An instant with the hall's offset (2026-11-23T10:00:00+08:00): the hall's time, unambiguous for a program.</summary>
    public static DateTimeOffset Local(HallClock clock, DateTime utc)
    {
        var local = clock.ToLocal(utc);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), local - DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
    }
}
