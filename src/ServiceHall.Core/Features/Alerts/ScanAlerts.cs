using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>
/// Compares the alerts that should be open (<see cref="AlertRules"/>) with those that are, raises
/// the new ones once and clears the ended ones, then tells the screens.
/// </summary>
public sealed class ScanAlerts(HallDbContext db, TimeProvider time, ReconcileAlerts reconcile)
{
    public async Task HandleAsync(Guid hallId, CancellationToken ct)
    {
        await using var scanning = await HallScanLock.TakeAsync(db, hallId, ct);
        await HandleAsync(hallId, await QueueStats.ReadAsync(db, hallId, ct), ct);
    }

    /// <summary>
    /// With the hall's queue statistics already read under the hall's <see cref="HallScanLock"/>, which the caller
    /// holds (the monitor shares the statistics with the overview it pushes next). Everything is read before the
    /// write gate is taken: most scans change nothing and never take it.
    /// </summary>
    public async Task HandleAsync(Guid hallId, Dictionary<Guid, ItemStats> stats, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return;
        var clock = new HallClock(hall.TimeZoneId);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.IsActive)
            .Select(i => new { i.Id, i.MaxWaiting, i.MaxWaitMinutes }).ToListAsync(ct);
        var itemStates = items.Select(i => new ItemQueueState(i.Id, stats.GetValueOrDefault(i.Id)?.Waiting ?? 0,
            stats.GetValueOrDefault(i.Id)?.OldestQueuedAt, i.MaxWaiting, i.MaxWaitMinutes));
        var sessions = await db.CounterSessions.AsNoTracking().Where(s => s.HallId == hallId && s.ClosedAt == null).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId)
            .Select(c => new { c.Id, InService = c.InService && c.IsActive, c.ServedFrom, c.ServedUntil }).ToListAsync(ct);
        // Counters are due only when the hall is attended: a working day, in its hours, not in the lunch break (Q6, Q7),
        // and within their own hours (ADR-033).
        var today = clock.BusinessDay(now);
        var schedule = await HallDays.ScheduleAsync(db, hall, today, ct);
        var localTime = clock.LocalTime(now);
        var openedToday = clock.ToUtc(today, schedule.ServiceStartedAt(localTime));
        var presence = counters.Select(c =>
        {
            var s = sessions.FirstOrDefault(x => x.CounterId == c.Id);
            return new CounterPresence(c.Id, c.InService && CounterHours.Covers(c.ServedFrom, c.ServedUntil, localTime), s is not null,
                s?.PausedAt, s?.SubstituteUserId is not null, c.ServedFrom is { } from ? clock.ToUtc(today, from) : null);
        });
        var due = AlertRules.Evaluate(hall, now, schedule.InService(localTime), openedToday, itemStates, presence)
            .ToDictionary(c => c.Key);

        var alerts = due.Values.Select(condition => new Alert
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Kind = condition.Kind, ConditionKey = condition.Key,
            ServiceItemId = condition.ServiceItemId, CounterId = condition.CounterId,
            Value = condition.Value, Threshold = condition.Threshold, RaisedAt = now,
        }).ToDictionary(a => a.ConditionKey);
        await reconcile.HandleAsync(hallId, AlertRules.Kinds, alerts, now, ct);
    }
}
