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
        return new CasePromiseDates(received, due, clock.ToUtc(due, hall.ClosesAt),
            calendar.AddWorkingDays(due, pickupAfterWorkingDays));
    }
}

public enum DeadlineState
{
    OnTime,
    /// <summary>One working day or less before the deadline.</summary>
    DueSoon,
    Overdue,
}

/// <summary>The deadline scan's rule: a warning from the working day before the due date, overdue after the due day's closing time. Pure.</summary>
public static class DeadlineRules
{
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
