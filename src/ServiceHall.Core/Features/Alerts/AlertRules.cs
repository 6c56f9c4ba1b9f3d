using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Alerts;

public sealed record ItemQueueState(Guid ServiceItemId, int Waiting, DateTime? OldestQueuedAt, int MaxWaiting, int MaxWaitMinutes);

/// <param name="InService">Expected staffed now: in service and within its own hours (<see cref="Counters.CounterHours"/>).</param>
/// <param name="OwnHoursStartedAt">When the counter's own hours began today (UTC), if it has a start of its own.</param>
public sealed record CounterPresence(Guid CounterId, bool InService, bool Staffed, DateTime? PausedAt, bool HasSubstitute,
    DateTime? OwnHoursStartedAt = null);

/// <summary>A condition that should be open as an alert now.</summary>
public sealed record AlertCondition(AlertKind Kind, string Key, Guid? ServiceItemId, Guid? CounterId, int Value, int Threshold);

/// <summary>
/// Q5 and Q6 as a pure rule: from the queue and the counters at one instant, which alerts should be
/// open. The scan compares this with what is open and raises or clears the difference.
/// </summary>
public static class AlertRules
{
    /// <summary>The kinds this rule owns; other scans (deadlines) own theirs, and each clears only its own.</summary>
    public static readonly AlertKind[] Kinds =
        [AlertKind.QueueTooLong, AlertKind.WaitTooLong, AlertKind.CounterUnstaffed, AlertKind.CounterPausedTooLong];

    public static IEnumerable<AlertCondition> Evaluate(
        Hall hall, DateTime now, bool withinServiceHours, DateTime? openedTodayAt,
        IEnumerable<ItemQueueState> items, IEnumerable<CounterPresence> counters)
    {
        foreach (var item in items)
        {
            if (item.Waiting > item.MaxWaiting)
                yield return new AlertCondition(AlertKind.QueueTooLong, Key(AlertKind.QueueTooLong, item.ServiceItemId),
                    item.ServiceItemId, null, item.Waiting, item.MaxWaiting);
            if (item is { Waiting: > 0, OldestQueuedAt: { } oldest } && Exceeds(oldest, now, item.MaxWaitMinutes))
                yield return new AlertCondition(AlertKind.WaitTooLong, Key(AlertKind.WaitTooLong, item.ServiceItemId),
                    item.ServiceItemId, null, MinutesSince(oldest, now), item.MaxWaitMinutes);
        }

        if (!withinServiceHours)
            yield break;
        foreach (var counter in counters.Where(c => c.InService))
        {
            // The grace runs from the later of the hall's start and the counter's own (an outpatient counter at 08:00).
            var graceOver = Counters.CounterHours.ExpectedSince(openedTodayAt, counter.OwnHoursStartedAt) is { } since
                && now - since >= TimeSpan.FromMinutes(hall.UnstaffedGraceMinutes);
            if (!counter.Staffed && graceOver)
                yield return new AlertCondition(AlertKind.CounterUnstaffed, Key(AlertKind.CounterUnstaffed, counter.CounterId),
                    null, counter.CounterId, 0, hall.UnstaffedGraceMinutes);
            if (counter is { Staffed: true, PausedAt: { } paused, HasSubstitute: false }
                && Exceeds(paused, now, hall.MaxPauseMinutesWithoutSubstitute))
                yield return new AlertCondition(AlertKind.CounterPausedTooLong, Key(AlertKind.CounterPausedTooLong, counter.CounterId),
                    null, counter.CounterId, MinutesSince(paused, now), hall.MaxPauseMinutesWithoutSubstitute);
        }
    }

    public static int MinutesSince(DateTime then, DateTime now) => (int)Math.Floor((now - then).TotalMinutes);

    /// <summary>Longer than the limit, to the second: 10m30s is over a 10-minute limit.</summary>
    public static bool Exceeds(DateTime since, DateTime now, int limitMinutes) => now - since > TimeSpan.FromMinutes(limitMinutes);

    public static string Key(AlertKind kind, Guid subject) => $"{kind}:{subject:N}";
}
