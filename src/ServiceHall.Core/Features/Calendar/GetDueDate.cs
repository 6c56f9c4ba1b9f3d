using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public sealed record DueDateView(DateOnly DueDate);

/// <summary>The Nth working day after a date on the hall's calendar (the start day is not counted).</summary>
public sealed class GetDueDate(HallDbContext db)
{
    /// <summary>Longer than any statutory period (20 + 10 days of art. 42, 60 days of some special laws).</summary>
    public const int MaxWorkingDays = 250;

    public async Task<DueDateView> HandleAsync(Guid hallId, DateOnly from, int workingDays, CancellationToken ct)
    {
        if (workingDays is < 0 or > MaxWorkingDays)
            throw DomainException.Invalid("workingDays", ErrorCodes.WorkingDaysOutOfRange, MaxWorkingDays);
        CalendarImport.CheckYear(from.Year);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var calendar = await HallCalendar.LoadAsync(db, hallId, ct);
        return new DueDateView(calendar.Calendar.AddWorkingDays(from, workingDays));
    }
}
