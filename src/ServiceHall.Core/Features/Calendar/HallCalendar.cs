using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public enum CalendarSource
{
    Official,
    Hall,
    /// <summary>Computed by <see cref="StatutoryHolidays"/>: the year's State Council schedule is neither shipped nor imported.</summary>
    Provisional,
}

public sealed record HallCalendarEntry(DateOnly Date, CalendarDayKind Kind, string? Name, CalendarSource Source);

/// <summary>
/// A hall's effective calendar: the shipped official schedules, or the statutory holidays computed for a
/// year without one (provisional until the State Council's schedule is imported), overridden day by day
/// by the hall's own entries. Read whole (a few dozen rows a year) for every deadline computed; the
/// computed holidays are looked up, not copied, so a load costs what the hall's own rows cost.
/// </summary>
public sealed class HallCalendar
{
    private readonly Dictionary<DateOnly, HallCalendarEntry> _days;
    private readonly HashSet<int> _importedYears;

    private HallCalendar(Dictionary<DateOnly, HallCalendarEntry> days, HashSet<int> importedYears)
    {
        _days = days;
        _importedYears = importedYears;
        Calendar = new WorkingDayCalendar(
            days.Values.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            days.Values.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date),
            IsProvisionalDayOff);
    }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>
    /// True when the year's days off are only computed: no State Council schedule (with its make-up
    /// workdays) is shipped for it and the hall has not imported one.
    /// </summary>
    public bool IsProvisional(int year) => OfficialSchedules.For(year) is null && !_importedYears.Contains(year);

    /// <summary>The year's special days; <c>Known</c> is false when the year is provisional.</summary>
    public (bool Known, IReadOnlyList<HallCalendarEntry> Days) Year(int year)
    {
        var days = _days.Values.Where(d => d.Date.Year == year).ToDictionary(d => d.Date);
        if (IsProvisional(year))
        {
            foreach (var day in StatutoryHolidays.For(year))
                days.TryAdd(day.Date, new HallCalendarEntry(day.Date, day.Kind, day.Name, CalendarSource.Provisional));
        }
        return (!IsProvisional(year), [.. days.Values.OrderBy(d => d.Date)]);
    }

    /// <summary>A computed holiday of a provisional year that no entry of the hall's overrides.</summary>
    private bool IsProvisionalDayOff(DateOnly day) =>
        !_days.ContainsKey(day) && IsProvisional(day.Year) && StatutoryHolidays.IsDayOff(day);

    public static HallCalendar From(IEnumerable<HallCalendarDay> hallDays)
    {
        var own = hallDays.ToList();
        var imported = own.Where(d => d.Imported).Select(d => d.Date.Year).ToHashSet();
        var days = new Dictionary<DateOnly, HallCalendarEntry>();
        foreach (var schedule in OfficialSchedules.All.Values)
        {
            foreach (var day in schedule.Days)
                days[day.Date] = new HallCalendarEntry(day.Date, day.Kind, day.Name, CalendarSource.Official);
        }
        foreach (var day in own)
            days[day.Date] = new HallCalendarEntry(day.Date, day.Kind, day.Name, CalendarSource.Hall);
        return new HallCalendar(days, imported);
    }

    public static async Task<HallCalendar> LoadAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        From(await db.HallCalendarDays.AsNoTracking().Where(d => d.HallId == hallId).ToListAsync(ct));
}
