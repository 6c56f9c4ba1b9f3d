using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>A day with slots still to come, and the places an online booking may take on it (0: fully booked).</summary>
public sealed record BookingDayView(DateOnly Date, int Available);

/// <summary>A bookable item as the phone page offers it: the days within its plan that have slots.</summary>
public sealed record BookableItemView(Guid Id, string Name, string Prefix, bool RequiresIdNumber, IReadOnlyList<BookingDayView> Days);

/// <summary>
/// What the phone booking page needs of a hall: the hall's time now (the page never trusts the phone's clock), its zone,
/// the rules a citizen is told, the bookable items.
/// </summary>
public sealed record BookingOfferView(Guid HallId, string HallName, DateTimeOffset Now, string TimeZoneId, int CancelBeforeMinutes, int CheckInEarlyMinutes,
    int CheckInLateMinutes, IReadOnlyList<BookableItemView> Items);

/// <summary>
/// Q8 on the phone: a hall's bookable items with their days (only days the hall works have slots, <see cref="GenerateSlots"/>),
/// for a hall that uses appointments (<see cref="AppointmentsModule"/>); any other hall answers 404 as not bookable.
/// </summary>
public sealed class GetBookingOffer(HallDbContext db, TimeProvider time)
{
    public async Task<BookingOfferView> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
                   ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        if (!AppointmentsModule.IsUsedBy(hall))
            throw DomainException.NotFound(AppointmentErrorCodes.NotBookable);
        var rules = await UpdateAppointmentSettings.ReadAsync(db, hallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var now = time.GetUtcNow().UtcDateTime;
        var today = clock.BusinessDay(now);
        var bookable = await db.AppointmentPlans.AsNoTracking().Where(p => p.HallId == hallId)
            .Join(db.ServiceItems.AsNoTracking().Where(i => i.IsActive), p => p.ServiceItemId, i => i.Id, (p, i) => new { Plan = p, Item = i })
            .ToListAsync(ct);

        var items = new List<BookableItemView>();
        foreach (var (plan, item) in bookable.OrderBy(b => b.Item.SortOrder).ThenBy(b => b.Item.Prefix).Select(b => (b.Plan, b.Item)))
        {
            var last = today.AddDays(plan.DaysAhead);
            for (var day = today; day <= last; day = day.AddDays(1))
                await GenerateSlots.EnsureAsync(db, hall, item, plan, rules, clock, day, now, ct);
            var slots = await db.AppointmentSlots.AsNoTracking()
                .Where(s => s.ServiceItemId == item.Id && s.Day >= today && s.Day <= last && s.Start > now)
                .Select(s => new { s.Day, s.Capacity, s.Held, s.Booked }).ToListAsync(ct);
            var days = slots.GroupBy(s => s.Day).OrderBy(g => g.Key)
                .Select(g => new BookingDayView(g.Key, g.Sum(s =>
                    AppointmentRules.Available(s.Capacity, s.Held, s.Booked, rules.IsReleased(g.Key, clock.ToLocal(now))))))
                .ToList();
            items.Add(new BookableItemView(item.Id, LocalNames.Of(item.Name, item.NameEn), item.Prefix, plan.RequiresIdNumber, days));
        }
        return new BookingOfferView(hall.Id, LocalNames.Of(hall.Name, hall.NameEn), ListSlots.Local(clock, now), hall.TimeZoneId, rules.CancelBeforeMinutes, rules.CheckInEarlyMinutes,
            rules.CheckInLateMinutes, items);
    }
}
