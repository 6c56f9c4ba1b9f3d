using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// A waiting ticket as the selector sees it. <see cref="Sequence"/> (its number of the day) breaks
/// ties between tickets queued at the same instant, e.g. in one group commit.
/// </summary>
public sealed record QueueCandidate(
    Guid Id,
    TicketPriority Priority,
    DateTime QueuedAt,
    DateTime IssuedAt,
    int WaitThresholdMinutes,
    DateTime? AppointmentStart = null,
    DateTime? AppointmentEnd = null,
    int Sequence = 0);

/// <summary>The hall's ordering rules, as the selector needs them.</summary>
public sealed record QueuePolicy(PriorityPolicy Kind, int NormalsPerPriority, bool Fairness)
{
    public static QueuePolicy From(Hall hall) =>
        new(hall.PriorityPolicy, Math.Max(1, hall.InterleaveNormalsPerPriority), hall.FairnessEnabled);
}

/// <summary>
/// Who is called next (Q2). Lanes, in order:
/// 1. appointments checked in no later than their slot's end, once the slot has begun;
/// 2. emergency (急诊, "先急后缓") — always first among walk-ins;
/// 3. the other priority classes (elderly, disabled, military, pregnant) and normal tickets,
///    merged by the hall's policy: strict (priority before normal) or interleave (one priority
///    after every N normal).
/// Within a lane, first come first served by <see cref="QueueCandidate.QueuedAt"/>.
/// Fairness: a normal ticket that has waited past its item's threshold is not overtaken by a
/// priority ticket that came after it.
/// </summary>
public static class QueueSelector
{
    /// <summary>
    /// The call order from now on, given how many normal tickets were called since the last
    /// priority one. The first element is the next call; the rest are the fall-backs when another
    /// counter takes the first.
    /// </summary>
    public static IEnumerable<QueueCandidate> Order(
        IEnumerable<QueueCandidate> candidates, QueuePolicy policy, DateTime now, int normalsSinceLastPriority = 0)
    {
        var all = candidates.DistinctBy(c => c.Id).ToList();
        var appointments = all.Where(c => IsAppointmentDue(c, now))
            .OrderBy(c => c.AppointmentStart).ThenBy(c => c.QueuedAt).ThenBy(c => c.Sequence).ThenBy(c => c.Id).ToList();
        var rest = all.Except(appointments);
        var emergency = new Queue<QueueCandidate>();
        var priority = new Queue<QueueCandidate>();
        var normal = new Queue<QueueCandidate>();
        foreach (var c in rest.OrderBy(c => c.QueuedAt).ThenBy(c => c.Sequence).ThenBy(c => c.Id))
        {
            var lane = c.Priority switch
            {
                TicketPriority.Emergency => emergency,
                TicketPriority.Normal => normal,
                _ => priority,
            };
            lane.Enqueue(c);
        }

        foreach (var a in appointments)
            yield return a;
        while (emergency.Count > 0)
            yield return emergency.Dequeue();

        var normalsInARow = normalsSinceLastPriority;
        while (priority.Count > 0 || normal.Count > 0)
        {
            if (PriorityGoesNext(priority, normal, policy, now, normalsInARow))
            {
                normalsInARow = 0;
                yield return priority.Dequeue();
            }
            else
            {
                normalsInARow++;
                yield return normal.Dequeue();
            }
        }
    }

    public static QueueCandidate? Next(
        IEnumerable<QueueCandidate> candidates, QueuePolicy policy, DateTime now, int normalsSinceLastPriority = 0) =>
        Order(candidates, policy, now, normalsSinceLastPriority).FirstOrDefault();

    /// <summary>An appointment goes first once its slot began, if checked in before the slot ended.</summary>
    public static bool IsAppointmentDue(QueueCandidate c, DateTime now) =>
        c.AppointmentStart is { } start && c.AppointmentEnd is { } end
        && now >= start && c.IssuedAt <= end;

    private static bool PriorityGoesNext(
        Queue<QueueCandidate> priority, Queue<QueueCandidate> normal, QueuePolicy policy, DateTime now, int normalsInARow)
    {
        if (priority.Count == 0)
            return false;
        if (normal.Count == 0)
            return true;
        var p = priority.Peek();
        // Items of one counter can have different thresholds: any overdue normal ticket that came
        // before the priority one holds it back, not only the oldest.
        if (policy.Fairness && normal.TakeWhile(n => n.QueuedAt < p.QueuedAt).Any(n => IsOverdue(n, now)))
            return false;
        return policy.Kind switch
        {
            PriorityPolicy.Strict => true,
            PriorityPolicy.Interleave => normalsInARow >= policy.NormalsPerPriority,
            _ => true,
        };
    }

    private static bool IsOverdue(QueueCandidate c, DateTime now) =>
        Alerts.AlertRules.Exceeds(c.QueuedAt, now, c.WaitThresholdMinutes);
}
