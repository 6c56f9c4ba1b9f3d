using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public enum CalendarSource
{
    Official,
    Hall,
}

public sealed record HallCalendarEntry(DateOnly Date, CalendarDayKind Kind, string? Name, CalendarSource Source);

/// <summary>
/// A hall's effective calendar: the shipped official schedules, overridden day by day by the
/// hall's own entries. Read whole (a few dozen rows a year) for every deadline computed.
/// </summary>
public sealed class HallCalendar
{
    private readonly Dictionary<DateOnly, HallCalendarEntry> _days;
    private readonly HashSet<int> _yearsWithHallEntries;

    private HallCalendar(Dictionary<DateOnly, HallCalendarEntry> days, HashSet<int> yearsWithHallEntries)
    {
        _days = days;
        _yearsWithHallEntries = yearsWithHallEntries;
        Calendar = new WorkingDayCalendar(
            days.Values.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            days.Values.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));
    }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The year's special days; <c>Known</c> is false when neither the State Council's nor the hall's schedule exists for it.</summary>
    public (bool Known, IReadOnlyList<HallCalendarEntry> Days) Year(int year) =>
        (OfficialSchedules.For(year) is not null || _yearsWithHallEntries.Contains(year),
            [.. _days.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date)]);

    public static HallCalendar From(IEnumerable<HallCalendarDay> hallDays)
    {
        var days = new Dictionary<DateOnly, HallCalendarEntry>();
        foreach (var schedule in OfficialSchedules.All.Values)
        {
            foreach (var day in schedule.Days)
                days[day.Date] = new HallCalendarEntry(day.Date, day.Kind, day.Name, CalendarSource.Official);
        }
        var years = new HashSet<int>();
        foreach (var day in hallDays)
        {
            days[day.Date] = new HallCalendarEntry(day.Date, day.Kind, day.Name, CalendarSource.Hall);
            years.Add(day.Date.Year);
        }
        return new HallCalendar(days, years);
    }

    public static async Task<HallCalendar> LoadAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        From(await db.HallCalendarDays.AsNoTracking().Where(d => d.HallId == hallId).ToListAsync(ct));
}
