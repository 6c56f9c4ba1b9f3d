using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public sealed record CalendarDayView(DateOnly Date, string? Name, CalendarSource Source);

/// <summary>
/// A year as integrators and pages need it: days off and make-up workdays (weekends are implied).
/// <c>Provisional</c>: the days off are the computed statutory holidays, without the State Council's make-up workdays.
/// </summary>
public sealed record CalendarYearView(int Year, bool ScheduleKnown, bool Provisional, string? OfficialSource,
    List<CalendarDayView> DaysOff, List<CalendarDayView> MakeUpWorkdays, List<CalendarDayView> Workdays);

public sealed class GetCalendarYear(HallDbContext db)
{
    public async Task<CalendarYearView> HandleAsync(Guid hallId, int year, CancellationToken ct)
    {
        CalendarImport.CheckYear(year);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var (known, days) = (await HallCalendar.LoadAsync(db, hallId, ct)).Year(year);
        List<CalendarDayView> Of(CalendarDayKind kind) =>
            [.. days.Where(d => d.Kind == kind).Select(d => new CalendarDayView(d.Date, d.Name, d.Source))];
        return new CalendarYearView(year, known, !known, OfficialSchedules.For(year)?.Source,
            Of(CalendarDayKind.DayOff), Of(CalendarDayKind.MakeUpWorkday), Of(CalendarDayKind.Workday));
    }
}
