using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.Core.Features.Supervision;

/// <summary>Deadlines of supervision (call back in 1 working day, rectify in 15, reply to a complaint in 5) on a hall's calendar.</summary>
public interface IWorkingDays
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the start day not counted).</summary>
    Task<DateOnly> AddAsync(Guid hallId, DateOnly start, int days, CancellationToken ct);

    Task<bool> IsWorkingDayAsync(Guid hallId, DateOnly day, CancellationToken ct);
}

/// <summary>The hall's working-day calendar (official schedule with the hall's own days), read once per request.</summary>
public sealed class HallWorkingDays(HallDbContext db) : IWorkingDays
{
    private readonly Dictionary<Guid, HallCalendar> _loaded = [];

    public async Task<DateOnly> AddAsync(Guid hallId, DateOnly start, int days, CancellationToken ct) =>
        (await CalendarAsync(hallId, ct)).AddWorkingDays(start, days);

    public async Task<bool> IsWorkingDayAsync(Guid hallId, DateOnly day, CancellationToken ct) =>
        (await CalendarAsync(hallId, ct)).IsWorkingDay(day);

    private async Task<WorkingDayCalendar> CalendarAsync(Guid hallId, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(hallId, out var calendar))
            _loaded[hallId] = calendar = await HallCalendar.LoadAsync(db, hallId, ct);
        return calendar.Calendar;
    }
}
