namespace ServiceHall.Core.Features.Calendar;

/// <summary>
/// Counts working days (M5, 行政许可法 art. 82). A day is a working day if it is an official make-up
/// workday (调休上班), or Monday to Friday and not an official day off. Pure: the days come from the caller.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>No real calendar has a year without a working day; a search this long means bad data.</summary>
    private const int MaxSearchDays = 3 * 366;

    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _makeUpWorkdays;
    private readonly Func<DateOnly, bool>? _computedDayOff;

    /// <param name="computedDayOff">Days off looked up rather than listed (the provisional statutory holidays).</param>
    public WorkingDayCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> makeUpWorkdays, Func<DateOnly, bool>? computedDayOff = null)
    {
        _daysOff = [.. daysOff];
        _makeUpWorkdays = [.. makeUpWorkdays];
        _computedDayOff = computedDayOff;
    }

    /// <summary>Weekends only: what a year without a published schedule falls back to.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day) && _computedDayOff?.Invoke(day) != true);

    /// <summary>
    /// The Nth working day after <paramref name="from"/>; the start day is not counted. With N = 0,
    /// <paramref name="from"/> itself, moved to the next working day if it is a day off.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
            return NextWorkingDayOnOrAfter(from);
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>A calendar-day period ("一周内答复"): its last day, moved to the next working day if it is a day off.</summary>
    public DateOnly AddCalendarDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return NextWorkingDayOnOrAfter(from.AddDays(days));
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        for (var i = 0; i < MaxSearchDays; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                return day;
        }
        throw new InvalidOperationException($"No working day within {MaxSearchDays} days of {day:yyyy-MM-dd}.");
    }

    public DateOnly NextWorkingDayAfter(DateOnly day) => NextWorkingDayOnOrAfter(day.AddDays(1));

    public DateOnly PreviousWorkingDayBefore(DateOnly day)
    {
        for (var i = 0; i < MaxSearchDays; i++)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
                return day;
        }
        throw new InvalidOperationException($"No working day within {MaxSearchDays} days before {day:yyyy-MM-dd}.");
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: how many a period has used or run over.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }

    /// <summary>
    /// The day an application counts as received: the local date, unless it came after closing
    /// time or on a day off, when it counts from the next working day (the period starts the day after that).
    /// </summary>
    public DateOnly ReceivedDay(DateOnly localDate, TimeOnly localTime, TimeOnly closesAt)
    {
        if (!IsWorkingDay(localDate))
            return NextWorkingDayOnOrAfter(localDate);
        return localTime >= closesAt ? NextWorkingDayAfter(localDate) : localDate;
    }
}
