using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace ServiceHall.Core.Features.Calendar;

/// <summary>
/// The statutory holidays (全国年节及纪念日放假办法) of any year, computed: what a year counts as days off
/// until the State Council's schedule, with its make-up workdays, is shipped or imported. Fixed dates
/// follow the State Council's usual periods (劳动节 05-01..05-05, 国庆节 10-01..10-07); the lunar ones come
/// from <see cref="ChineseLunisolarCalendar"/> and 清明 from the solar-term formula. A one-day holiday
/// next to a weekend takes the weekend with it, as every published schedule does. Pure and cached per year.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly ConcurrentDictionary<int, IReadOnlyList<CalendarEntry>> Cache = new();
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> DayOffSets = new();

    public const string NewYear = "元旦";
    public const string SpringFestival = "春节";
    public const string TombSweeping = "清明节";
    public const string LabourDay = "劳动节";
    public const string DragonBoat = "端午节";
    public const string MidAutumn = "中秋节";
    public const string NationalDay = "国庆节";
    public const string NationalDayAndMidAutumn = "国庆节、中秋节";

    /// <summary>The days off of <paramref name="year"/>, in date order, only days inside the year.</summary>
    public static IReadOnlyList<CalendarEntry> For(int year) =>
        year is < FirstYear or > LastYear ? [] : Cache.GetOrAdd(year, Compute);

    /// <summary>The years the rules hold for (the 清明 formula's century).</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    /// <summary>Whether <paramref name="day"/> is one of its year's computed days off.</summary>
    public static bool IsDayOff(DateOnly day) =>
        DayOffSets.GetOrAdd(day.Year, year => For(year).Select(d => d.Date).ToFrozenSet()).Contains(day);

    /// <summary>正月初一 of the lunar year that begins in <paramref name="year"/>.</summary>
    public static DateOnly SpringFestivalDay(int year) => LunarDate(year, 1, 1);

    public static DateOnly DragonBoatDay(int year) => LunarDate(year, 5, 5);

    public static DateOnly MidAutumnDay(int year) => LunarDate(year, 8, 15);

    /// <summary>
    /// 清明 (the solar term at 15° past the spring equinox) by the usual 21st-century formula
    /// [Y·0.2422 + 4.81] − [Y/4] with Y the year's last two digits; exact for 2000–2099.
    /// </summary>
    public static DateOnly TombSweepingDay(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, "The 清明 formula holds for 2000–2099.");
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - y / 4;
        return new DateOnly(year, 4, day);
    }

    private static DateOnly LunarDate(int year, int month, int day)
    {
        // In a year with a leap month, the months after it move one place: GetLeapMonth gives the
        // leap month's position (a leap 4th month is position 5), so the 5th month is then position 6.
        var leap = Lunar.GetLeapMonth(year);
        var position = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, position, day, 0, 0, 0, 0));
    }

    private static IReadOnlyList<CalendarEntry> Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, CalendarEntry>();
        void Add(DateOnly from, DateOnly to, string name)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (d.Year == year)
                    days.TryAdd(d, new CalendarEntry(d, CalendarDayKind.DayOff, name));
            }
        }
        void AddOneDay(DateOnly day, string name)
        {
            var (from, to) = WithWeekend(day);
            Add(from, to, name);
        }

        AddOneDay(new DateOnly(year, 1, 1), NewYear);
        var springFestival = SpringFestivalDay(year);
        Add(springFestival.AddDays(-1), springFestival.AddDays(2), SpringFestival); // 除夕 to 初三
        AddOneDay(TombSweepingDay(year), TombSweeping);
        Add(new DateOnly(year, 5, 1), new DateOnly(year, 5, 5), LabourDay);
        AddOneDay(DragonBoatDay(year), DragonBoat);
        var midAutumn = MidAutumnDay(year);
        var nationalDay = new DateOnly(year, 10, 1);
        if (midAutumn >= nationalDay.AddDays(-2) && midAutumn <= nationalDay.AddDays(7))
        {
            // 中秋 inside or next to the golden week: one period of eight days, as in 2017, 2020, 2023 and 2025.
            var from = midAutumn < nationalDay ? midAutumn : nationalDay;
            Add(from, from.AddDays(7), NationalDayAndMidAutumn);
        }
        else
        {
            AddOneDay(midAutumn, MidAutumn);
            Add(nationalDay, nationalDay.AddDays(6), NationalDay);
        }
        return [.. days.Values];
    }

    /// <summary>A one-day holiday on Friday runs to Sunday; on Saturday, Sunday or Monday it spans Saturday to Monday.</summary>
    private static (DateOnly From, DateOnly To) WithWeekend(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Friday => (day, day.AddDays(2)),
        DayOfWeek.Saturday => (day, day.AddDays(2)),
        DayOfWeek.Sunday => (day.AddDays(-1), day.AddDays(1)),
        DayOfWeek.Monday => (day.AddDays(-2), day),
        _ => (day, day),
    };
}
