using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>One bookable time of a day, in the hall's local time.</summary>
public readonly record struct SlotTime(TimeOnly Start, TimeOnly End);

/// <summary>
/// Q8: the slots of one day from the hall's hours on it (calendar and weekly hours, <see cref="OpeningHours"/>) and the
/// item's own hours: none on a day off; whole slots of the plan's length from opening, none crossing the lunch break (the
/// afternoon starts again at its end) or the closing time. Pure.
/// </summary>
public static class SlotTimes
{
    public static IReadOnlyList<SlotTime> Of(DaySchedule schedule, TimeOnly? servedFrom, TimeOnly? servedUntil, int slotMinutes)
    {
        if (!schedule.Open || slotMinutes <= 0)
            return [];
        var from = servedFrom is { } f && f > schedule.OpensAt ? f : schedule.OpensAt;
        var until = servedUntil is { } u && u < schedule.ClosesAt ? u : schedule.ClosesAt;
        var slots = new List<SlotTime>();
        // Minutes of the day, so that a slot ending at midnight does not wrap around.
        var length = slotMinutes;
        var start = Minutes(from);
        var end = Minutes(until);
        int? lunchStart = schedule.LunchStartsAt is { } ls ? Minutes(ls) : null;
        int? lunchEnd = schedule.LunchEndsAt is { } le ? Minutes(le) : null;
        while (start + length <= end)
        {
            if (lunchStart is { } s && lunchEnd is { } e && start < e && start + length > s)
            {
                start = Math.Max(start, e);
                continue;
            }
            slots.Add(new SlotTime(At(start), At(start + length)));
            start += length;
        }
        return slots;
    }

    private static int Minutes(TimeOnly t) => (int)Math.Ceiling(t.ToTimeSpan().TotalMinutes);

    private static TimeOnly At(int minutes) => minutes >= 24 * 60 ? new TimeOnly(23, 59, 59) : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));
}
