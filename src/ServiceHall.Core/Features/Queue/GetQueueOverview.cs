using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;

namespace ServiceHall.Core.Features.Queue;

public sealed record ItemQueueView(
    Guid ServiceItemId, string Name, string Prefix, int Waiting, int OldestWaitMinutes,
    int MaxWaiting, int MaxWaitMinutes, bool QueueTooLong, bool WaitTooLong);

public sealed record QueueOverview(Guid HallId, DateTime At, List<ItemQueueView> Items, List<AlertView> Alerts);

/// <summary>Per item: how many wait, how long the oldest has, and whether a threshold is passed (Q5).</summary>
public sealed class GetQueueOverview(HallDbContext db, TimeProvider time)
{
    public async Task<QueueOverview> HandleAsync(Guid hallId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix).ToListAsync(ct);
        var stats = await QueueStats.ReadAsync(db, hallId, ct);
        var views = items.Select(i =>
        {
            var s = stats.GetValueOrDefault(i.Id);
            var oldest = s is null ? 0 : AlertRules.MinutesSince(s.OldestQueuedAt, now);
            var waiting = s?.Waiting ?? 0;
            return new ItemQueueView(i.Id, i.Name, i.Prefix, waiting, oldest, i.MaxWaiting, i.MaxWaitMinutes,
                waiting > i.MaxWaiting, waiting > 0 && oldest > i.MaxWaitMinutes);
        }).ToList();
        var alerts = await ListAlerts.OpenAsync(db, hallId, ct);
        return new QueueOverview(hallId, now, views, alerts);
    }
}

public sealed record ItemStats(int Waiting, DateTime OldestQueuedAt);

public static class QueueStats
{
    public static Task<Dictionary<Guid, ItemStats>> ReadAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        db.Tickets.Where(t => t.HallId == hallId && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceItemId)
            .Select(g => new { g.Key, Waiting = g.Count(), Oldest = g.Min(t => t.QueuedAt) })
            .ToDictionaryAsync(x => x.Key, x => new ItemStats(x.Waiting, x.Oldest), ct);
}
