namespace ServiceHall.Core.Features.Supervision;

/// <summary>
/// Deadlines of supervision (call back in 1 working day, rectify in 15) counted on a hall's calendar.
/// The official calendar with holidays and make-up workdays comes with the cases feature; until it is
/// wired in, <see cref="CalendarDays"/> counts every day, so deadlines are never later than the rule.
/// </summary>
public interface IWorkingDays
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the start day not counted).</summary>
    Task<DateOnly> AddAsync(Guid hallId, DateOnly start, int days, CancellationToken ct);

    Task<bool> IsWorkingDayAsync(Guid hallId, DateOnly day, CancellationToken ct);
}

/// <summary>The stand-in calendar: every day counts towards a deadline; Monday to Friday are attended.</summary>
public sealed class CalendarDays : IWorkingDays
{
    public Task<DateOnly> AddAsync(Guid hallId, DateOnly start, int days, CancellationToken ct) =>
        Task.FromResult(start.AddDays(days));

    public Task<bool> IsWorkingDayAsync(Guid hallId, DateOnly day, CancellationToken ct) =>
        Task.FromResult(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
