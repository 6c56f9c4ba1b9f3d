using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>
/// Compares the alerts that should be open (<see cref="AlertRules"/>) with those that are, raises
/// the new ones once and clears the ended ones, then tells the screens.
/// </summary>
public sealed class ScanAlerts(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task HandleAsync(Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (raised, cleared) = await ApplyAsync(hallId, now, ct);
        foreach (var alert in cleared)
            await notifier.AlertClearedAsync(AlertView.From(alert));
        foreach (var alert in raised)
            await notifier.AlertRaisedAsync(AlertView.From(alert));
    }

    /// <summary>Everything is read before the write gate is taken: most scans change nothing and never take it.</summary>
    private async Task<(List<Alert> Raised, List<Alert> Cleared)> ApplyAsync(Guid hallId, DateTime now, CancellationToken ct)
    {
        var raised = new List<Alert>();
        var cleared = new List<Alert>();
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return ([], []);
        var clock = new HallClock(hall.TimeZoneId);
        var stats = await QueueStats.ReadAsync(db, hallId, ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.IsActive)
            .Select(i => new { i.Id, i.MaxWaiting, i.MaxWaitMinutes }).ToListAsync(ct);
        var itemStates = items.Select(i => new ItemQueueState(i.Id, stats.GetValueOrDefault(i.Id)?.Waiting ?? 0,
            stats.GetValueOrDefault(i.Id)?.OldestQueuedAt, i.MaxWaiting, i.MaxWaitMinutes));
        var sessions = await db.CounterSessions.AsNoTracking().Where(s => s.HallId == hallId && s.ClosedAt == null).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).Select(c => new { c.Id, InService = c.InService && c.IsActive }).ToListAsync(ct);
        var presence = counters.Select(c =>
        {
            var s = sessions.FirstOrDefault(x => x.CounterId == c.Id);
            return new CounterPresence(c.Id, c.InService, s is not null, s?.PausedAt, s?.SubstituteUserId is not null);
        });
        var openedToday = clock.ToUtc(clock.BusinessDay(now), hall.OpensAt);
        var due = AlertRules.Evaluate(hall, now, clock.IsWithinServiceHours(hall, now), openedToday, itemStates, presence)
            .ToDictionary(c => c.Key);

        var open = await db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null).ToListAsync(ct);
        foreach (var alert in open.Where(a => !due.ContainsKey(a.ConditionKey)))
        {
            alert.ClearedAt = now;
            cleared.Add(alert);
        }
        var openKeys = open.Select(a => a.ConditionKey).ToHashSet();
        foreach (var condition in due.Values.Where(c => !openKeys.Contains(c.Key)))
        {
            var alert = new Alert
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, Kind = condition.Kind, ConditionKey = condition.Key,
                ServiceItemId = condition.ServiceItemId, CounterId = condition.CounterId,
                Value = condition.Value, Threshold = condition.Threshold, RaisedAt = now,
            };
            db.Alerts.Add(alert);
            raised.Add(alert);
        }
        if (raised.Count == 0 && cleared.Count == 0)
            return (raised, cleared);
        await using var write = await db.BeginWriteAsync(WritePriority.Bulk, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node's scan raised or cleared the same condition first (the unique index on
            // open conditions said no); that scan tells the screens.
            return ([], []);
        }
        await write.CommitAsync(ct);
        return (raised, cleared);
    }
}
