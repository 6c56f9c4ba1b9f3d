using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>
/// A period of the hall's days, both ends included, and the UTC instants it covers. A period is at most a
/// year and a day: the statistics pages compare months and a year, never decades.
/// </summary>
public readonly record struct StatisticsPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length just before this one (the base of a trend).</summary>
    public StatisticsPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public DateTime StartUtc(HallClock clock) => clock.ToUtc(From, TimeOnly.MinValue);

    public DateTime EndUtc(HallClock clock) => clock.ToUtc(To.AddDays(1), TimeOnly.MinValue);

    /// <summary>Both ends are required, in order, and no more than <see cref="MaxDays"/> apart; a 400 otherwise.</summary>
    public static StatisticsPeriod Of(DateOnly? from, DateOnly? to)
    {
        if (from is not { } start)
            throw DomainException.Required("from");
        if (to is not { } end)
            throw DomainException.Required("to");
        if (end < start || end.DayNumber - start.DayNumber >= MaxDays)
            throw DomainException.Invalid("to", ErrorCodes.DateOutOfRange, "to", Iso(start), Iso(start.AddDays(MaxDays - 1)));
        return new StatisticsPeriod(start, end);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The calendar months the period touches, first to last (for figures by month).</summary>
    public IEnumerable<StatisticsPeriod> Months()
    {
        var month = new DateOnly(From.Year, From.Month, 1);
        while (month <= To)
        {
            var next = month.AddMonths(1);
            yield return new StatisticsPeriod(month < From ? From : month, next.AddDays(-1) > To ? To : next.AddDays(-1));
            month = next;
        }
    }
}
