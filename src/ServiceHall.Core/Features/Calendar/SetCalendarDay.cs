using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Calendar;

public sealed record SetCalendarDayRequest(CalendarDayKind? Kind, string? Name);

/// <summary>An administrator sets one day of a hall's calendar (a local day off, a correction); removing it restores the official schedule.</summary>
public sealed class SetCalendarDay(HallDbContext db, TimeProvider time)
{
    public async Task<HallCalendarEntry> HandleAsync(Guid hallId, DateOnly date, SetCalendarDayRequest request, Guid userId,
        CancellationToken ct)
    {
        var kind = request.Kind ?? throw DomainException.Required("kind");
        CalendarImport.CheckYear(date.Year);
        CalendarImport.CheckDay(date.Year, date, kind);
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (name is { Length: > CalendarImport.MaxNameLength })
            throw DomainException.Invalid("name", ErrorCodes.TooLong, "name", CalendarImport.MaxNameLength);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);

        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var day = await db.HallCalendarDays.FirstOrDefaultAsync(d => d.HallId == hallId && d.Date == date, ct);
        if (day is null)
        {
            day = new HallCalendarDay { Id = Guid.CreateVersion7(now), HallId = hallId, Date = date };
            db.HallCalendarDays.Add(day);
        }
        day.Kind = kind;
        day.Name = name;
        day.UpdatedAt = now;
        day.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new HallCalendarEntry(date, kind, name, CalendarSource.Hall);
    }
}

public sealed class RemoveCalendarDay(HallDbContext db)
{
    public async Task HandleAsync(Guid hallId, DateOnly date, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        await using var write = await db.BeginWriteAsync(ct);
        var removed = await db.HallCalendarDays.Where(d => d.HallId == hallId && d.Date == date).ExecuteDeleteAsync(ct);
        if (removed == 0)
            throw DomainException.NotFound(ErrorCodes.CalendarDayNotFound, CalendarImport.Format(date));
        await write.CommitAsync(ct);
    }
}
