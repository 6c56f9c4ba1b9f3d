using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>
/// Brings a hall's open alerts of some kinds in line with the conditions that hold now: raises the new
/// ones once, clears the ended ones, in one write, then tells the screens. Each scan owns its kinds,
/// so one scan never clears another's alerts.
/// </summary>
public sealed class ReconcileAlerts(HallDbContext db, IHallNotifier notifier)
{
    /// <param name="due">The alerts that should be open, by <see cref="Alert.ConditionKey"/>; only those not yet open are added.</param>
    public async Task HandleAsync(Guid hallId, IReadOnlyCollection<AlertKind> kinds, IReadOnlyDictionary<string, Alert> due,
        DateTime now, CancellationToken ct)
    {
        var open = await db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null && kinds.Contains(a.Kind)).ToListAsync(ct);
        var cleared = open.Where(a => !due.ContainsKey(a.ConditionKey)).ToList();
        foreach (var alert in cleared)
            alert.ClearedAt = now;
        var openKeys = open.Select(a => a.ConditionKey).ToHashSet();
        var raised = due.Values.Where(a => !openKeys.Contains(a.ConditionKey)).ToList();
        // Most scans change nothing and never take the write gate.
        if (raised.Count == 0 && cleared.Count == 0)
            return;
        db.Alerts.AddRange(raised);
        await using (var write = await db.BeginWriteAsync(WritePriority.Bulk, ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node's scan raised or cleared the same condition first (the unique index on
                // open conditions said no); that scan tells the screens.
                return;
            }
            await write.CommitAsync(ct);
        }
        foreach (var alert in cleared)
            await notifier.AlertClearedAsync(AlertView.From(alert));
        foreach (var alert in raised)
            await notifier.AlertRaisedAsync(AlertView.From(alert));
    }
}
