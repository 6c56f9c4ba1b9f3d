namespace ServiceHall.Core.Features.Counters;

/// <summary>
/// Q6 with counter hours of their own (ADR-033): a hospital open around the clock for its emergency window expects its
/// outpatient counters only in outpatient hours. Pure: a counter is expected staffed when the hall is in service (a
/// working day, in its hours, not in the lunch break) and the hall's local time lies within the counter's own hours;
/// either end left open is the hall's.
/// </summary>
public static class CounterHours
{
    public static bool IsExpected(bool hallInService, TimeOnly? servedFrom, TimeOnly? servedUntil, TimeOnly now) =>
        hallInService && Covers(servedFrom, servedUntil, now);

    public static bool Covers(TimeOnly? servedFrom, TimeOnly? servedUntil, TimeOnly now) =>
        (servedFrom is not { } from || now >= from) && (servedUntil is not { } until || now < until);

    /// <summary>Since when the counter has been expected today, for the unstaffed grace: the later of the hall's start and its own.</summary>
    public static DateTime? ExpectedSince(DateTime? hallServiceStarted, DateTime? counterOpens) =>
        (hallServiceStarted, counterOpens) switch
        {
            ({ } hall, { } own) => own > hall ? own : hall,
            (null, { } own) => own,
            var (hall, _) => hall,
        };
}
