using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// The hours of one weekday that differ from the hall's defaults: closed (a hall shut on Mondays), or
/// open at other times (Saturday mornings). Stored with the hall as JSON (HallConfiguration).
/// </summary>
public sealed record WeekdayHours(DayOfWeek Day, bool Closed, TimeOnly? OpensAt = null, TimeOnly? ClosesAt = null,
    TimeOnly? IssueCutoff = null);

/// <summary>The hall's hours on one date: closed, or open with a cut-off and perhaps a lunch break.</summary>
public sealed record DaySchedule(bool Open, TimeOnly OpensAt, TimeOnly ClosesAt, TimeOnly IssueCutoff,
    TimeOnly? LunchStartsAt, TimeOnly? LunchEndsAt, bool IssueDuringLunch)
{
    public static readonly DaySchedule Closed = new(false, default, default, default, null, null, true);

    public bool InLunchBreak(TimeOnly time) =>
        LunchStartsAt is { } start && LunchEndsAt is { } end && time >= start && time < end;

    /// <summary>Open and attended: within the hours and not in the lunch break.</summary>
    public bool InService(TimeOnly time) => Open && time >= OpensAt && time < ClosesAt && !InLunchBreak(time);

    /// <summary>When counters were last due to be attended: the opening, or the end of the lunch break once it is over.</summary>
    public TimeOnly ServiceStartedAt(TimeOnly time) =>
        LunchEndsAt is { } end && LunchStartsAt is not null && time >= end ? end : OpensAt;
}

/// <summary>
/// Q7: the hall calendar and the weekly hours together give a date's hours. Pure. The calendar
/// governs: an official or hall day off is closed, a make-up workday (调休) is open with the default
/// hours. A plain weekend day opens only where the hall has hours for that weekday.
/// </summary>
public static class OpeningHours
{
    public static DaySchedule For(Hall hall, DateOnly day, bool isWorkingDay, CalendarDayKind? listedAs)
    {
        var own = hall.WeekdayHours.FirstOrDefault(w => w.Day == day.DayOfWeek);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var open = listedAs switch
        {
            CalendarDayKind.DayOff => false,
            CalendarDayKind.MakeUpWorkday => true,
            // An ordinary day: a weekend opens only with hours of its own, a weekday unless a day off or closed.
            _ when weekend => own is { Closed: false },
            _ => isWorkingDay && own is not { Closed: true },
        };
        if (!open)
            return DaySchedule.Closed;

        // A make-up workday keeps the weekday's hours it replaces: the defaults, unless the weekend day has its own.
        var hours = own is { Closed: false } ? own : null;
        var opens = hours?.OpensAt ?? hall.OpensAt;
        var closes = hours?.ClosesAt ?? hall.ClosesAt;
        var cutoff = hours?.IssueCutoff ?? (hours?.ClosesAt is not null ? closes : hall.IssueCutoff);
        var lunch = hall.LunchStartsAt is { } ls && hall.LunchEndsAt is { } le && ls < le && ls > opens && le < closes;
        return new DaySchedule(true, opens, closes, cutoff, lunch ? hall.LunchStartsAt : null, lunch ? hall.LunchEndsAt : null,
            hall.IssueDuringLunch);
    }

    /// <summary>The instant the day ends (closing plus the grace): what is still waiting then expires.</summary>
    public static DateTime DayEndsAt(Hall hall, HallClock clock, DateOnly day, DaySchedule schedule) =>
        clock.ToUtc(day, schedule.Open ? schedule.ClosesAt : hall.ClosesAt).AddMinutes(hall.DayEndGraceMinutes);
}
