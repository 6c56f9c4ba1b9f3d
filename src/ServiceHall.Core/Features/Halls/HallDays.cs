using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Halls;

/// <summary>A hall's hours on a date, from its calendar (days off, 调休) and its weekly hours.</summary>
public static class HallDays
{
    /// <summary>Read once per ticket batch or scan: the hall's own calendar rows are a few dozen a year.</summary>
    public static async Task<DaySchedule> ScheduleAsync(HallDbContext db, Hall hall, DateOnly day, CancellationToken ct)
    {
        var calendar = await Calendar.HallCalendar.LoadAsync(db, hall.Id, ct);
        var entry = calendar.Year(day.Year).Days.FirstOrDefault(d => d.Date == day);
        return OpeningHours.For(hall, day, calendar.Calendar.IsWorkingDay(day), entry?.Kind);
    }
}
