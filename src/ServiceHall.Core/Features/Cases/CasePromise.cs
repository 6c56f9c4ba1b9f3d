using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

/// <summary>What the receipt promises: the day the period counts from, the completion date and the pickup date ("请您x年x月x日来取证件").</summary>
public sealed record CasePromiseDates(DateOnly ReceivedDay, DateOnly DueDate, DateTime DueAtUtc, DateOnly PickupDate);

/// <summary>
/// Computes a case's promise on the hall's working-day calendar (M5). Pure. After 补正 the period
/// counts from the day the materials were complete (行政许可法 art. 32), which is the day of acceptance.
/// </summary>
public static class CasePromise
{
    public static CasePromiseDates Compute(WorkingDayCalendar calendar, HallClock clock, Hall hall, DateTime acceptedUtc,
        TimeLimitClass kind, int promisedDays, int pickupAfterWorkingDays)
    {
        var received = calendar.ReceivedDay(clock.BusinessDay(acceptedUtc), clock.LocalTime(acceptedUtc), hall.ClosesAt);
        var due = kind switch
        {
            TimeLimitClass.Promised => calendar.AddWorkingDays(received, promisedDays),
            TimeLimitClass.Coordination => calendar.AddCalendarDays(received, promisedDays),
            _ => received,
        };
        return new CasePromiseDates(received, due, DueAt(clock, hall, due), PickupDate(calendar, due, pickupAfterWorkingDays));
    }

    /// <summary>A case falls due at the hall's closing time of its due date.</summary>
    public static DateTime DueAt(HallClock clock, Hall hall, DateOnly dueDate) => clock.ToUtc(dueDate, hall.ClosesAt);

    /// <summary>The pickup date follows the due date by the item's working days.</summary>
    public static DateOnly PickupDate(WorkingDayCalendar calendar, DateOnly dueDate, int pickupAfterWorkingDays) =>
        calendar.AddWorkingDays(dueDate, pickupAfterWorkingDays);
}

public enum DeadlineState
{
    OnTime,
    /// <summary>The clock stands still (art. 45): neither warned nor overdue until it resumes.</summary>
    Paused,
    /// <summary>One working day or less before the deadline.</summary>
    DueSoon,
    Overdue,
}

/// <summary>The deadline scan's rule: a warning from the working day before the due date, overdue after the due day's closing time. Pure.</summary>
public static class DeadlineRules
{
    public static DeadlineState Evaluate(WorkingDayCalendar calendar, DateOnly today, DateTime nowUtc, DateOnly dueDate, DateTime dueAtUtc,
        bool clockPaused)
    {
        if (clockPaused)
            return DeadlineState.Paused;
        return Evaluate(calendar, today, nowUtc, dueDate, dueAtUtc);
    }

    public static DeadlineState Evaluate(WorkingDayCalendar calendar, DateOnly today, DateTime nowUtc, DateOnly dueDate, DateTime dueAtUtc)
    {
        if (nowUtc >= dueAtUtc)
            return DeadlineState.Overdue;
        return today >= calendar.PreviousWorkingDayBefore(dueDate) ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    /// <summary>Working days a case is late by (超期天数), 0 while on time.</summary>
    public static int DaysOverdue(WorkingDayCalendar calendar, DateOnly today, DateOnly dueDate) =>
        calendar.WorkingDaysBetween(dueDate, today);
}

/// <summary>
/// The special procedures of 行政许可法 that move a promise already made (pure): an extension of
/// art. 42 adds working days to the due date; the time of a hearing, testing, appraisal or expert
/// review (art. 45) does not count, so the due date moves by the working days the clock stood still.
/// </summary>
public static class SpecialProcedures
{
    /// <summary>Art. 42: "经本行政机关负责人批准，可以延长十日".</summary>
    public const int DefaultExtensionDays = 10;
    public const int MaxExtensionDays = 30;

    public static DateOnly Extend(WorkingDayCalendar calendar, DateOnly dueDate, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        return calendar.AddWorkingDays(dueDate, workingDays);
    }

    /// <summary>
    /// Working days that did not count: those after the day the clock stopped, up to and including the
    /// day it resumed (a pause and a resume on the same day cost nothing).
    /// </summary>
    public static int PausedWorkingDays(WorkingDayCalendar calendar, DateOnly pausedDay, DateOnly resumedDay) =>
        resumedDay <= pausedDay ? 0 : calendar.WorkingDaysBetween(pausedDay, resumedDay);

    /// <summary>The due date after a pause of <paramref name="pausedWorkingDays"/>; unchanged when none counted.</summary>
    public static DateOnly AfterPause(WorkingDayCalendar calendar, DateOnly dueDate, int pausedWorkingDays) =>
        pausedWorkingDays <= 0 ? dueDate : calendar.AddWorkingDays(dueDate, pausedWorkingDays);
}
