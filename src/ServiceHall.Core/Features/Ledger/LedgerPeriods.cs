namespace ServiceHall.Core.Features.Ledger;

/// <summary>How the ledger's days are folded: each day, each week (Monday first, as Chinese calendars count), each month.</summary>
public enum LedgerPeriod
{
    Day,
    Week,
    Month,
}

/// <summary>The first day of the period a day belongs to, and the default range a view opens with. Pure.</summary>
public static class LedgerPeriods
{
    /// <summary>The longest range one request reads (a year and a day: a leap year's months and weeks).</summary>
    public const int MaxDays = 366;

    public static DateOnly StartOf(DateOnly day, LedgerPeriod period) => period switch
    {
        LedgerPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        LedgerPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, LedgerPeriod period) => period switch
    {
        LedgerPeriod.Week => start.AddDays(6),
        LedgerPeriod.Month => start.AddMonths(1).AddDays(-1),
        _ => start,
    };

    /// <summary>
    /// The range asked for, or the period of <paramref name="today"/> when the start is left out (today, this week,
    /// this month); refused when it ends before it starts or spans more than <see cref="MaxDays"/> days.
    /// </summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, LedgerPeriod period, DateOnly today)
    {
        var end = to ?? (from is { } f ? EndOf(StartOf(f, period), period) : today);
        var start = from ?? StartOf(end, period);
        if (end < start || end.DayNumber - start.DayNumber >= MaxDays)
            throw DomainException.Invalid("to", ErrorCodes.DateOutOfRange, "to", Iso(start), Iso(start.AddDays(MaxDays - 1)));
        return (start, end);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
