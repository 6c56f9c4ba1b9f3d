using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>
/// A supervisor of the hall takes an alert on (确认处理): who and when are kept on it, for the dashboard and the alert history.
/// Once: the empty acknowledgement is the condition of the update, so two supervisors never both take it. An alert that has
/// since cleared may still be acknowledged (handled after the fact).
/// </summary>
public sealed class AcknowledgeAlert(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<AlertView> HandleAsync(Guid hallId, Guid alertId, Guid userId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            if (!await db.Alerts.AnyAsync(a => a.Id == alertId && a.HallId == hallId, ct))
                throw DomainException.NotFound(AlertErrors.NotFound);
            var taken = await db.Alerts.Where(a => a.Id == alertId && a.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedByUserId, userId), ct);
            if (taken == 0)
                throw DomainException.Conflict(AlertErrors.Acknowledged);
            await write.CommitAsync(ct);
        }
        var view = AlertView.From(await db.Alerts.AsNoTracking().FirstAsync(a => a.Id == alertId, ct));
        notifier.AlertAcknowledged(view);
        return view;
    }
}

/// <summary>The names of the people who handled alerts, with their badge numbers.</summary>
public static class AlertHandlers
{
    public static async Task<Dictionary<Guid, string>> NamesAsync(HallDbContext db, IEnumerable<Guid?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => Punctuation.WithDetail(u.DisplayName, u.BadgeNumber));
    }
}
