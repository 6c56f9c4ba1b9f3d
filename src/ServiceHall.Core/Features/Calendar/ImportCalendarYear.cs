using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public sealed record CalendarImportResult(int Year, int DaysOff, int MakeUpWorkdays, int Workdays);

/// <summary>
/// Replaces a hall's own entries for one year with a published schedule (already parsed and checked
/// by <see cref="CalendarImport"/>), in one transaction: a failed import leaves the year as it was.
/// </summary>
public sealed class ImportCalendarYear(HallDbContext db, TimeProvider time)
{
    public async Task<CalendarImportResult> HandleAsync(Guid hallId, int year, IReadOnlyList<CalendarEntry> entries, Guid userId,
        CancellationToken ct)
    {
        CalendarImport.CheckYear(year);
        if (entries.Count == 0)
            throw DomainException.Required("days");
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var write = await db.BeginWriteAsync(ct);
        await db.HallCalendarDays.Where(d => d.HallId == hallId && d.Date >= first && d.Date <= last).ExecuteDeleteAsync(ct);
        db.HallCalendarDays.AddRange(entries.Select(e => new HallCalendarDay
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Date = e.Date, Kind = e.Kind, Name = e.Name, Imported = true,
            UpdatedAt = now, UpdatedByUserId = userId,
        }));
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new CalendarImportResult(year, entries.Count(e => e.Kind == CalendarDayKind.DayOff),
            entries.Count(e => e.Kind == CalendarDayKind.MakeUpWorkday), entries.Count(e => e.Kind == CalendarDayKind.Workday));
    }
}
