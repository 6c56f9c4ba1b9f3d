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
        return await HandleAsync(hallId, await QueueStats.ReadAsync(db, hallId, ct), ct);
    }

    /// <summary>With the hall's queue statistics already read (by the monitor, which scanned its alerts with them).</summary>
    public async Task<QueueOverview> HandleAsync(Guid hallId, Dictionary<Guid, ItemStats> stats, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix).ToListAsync(ct);
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

/// <summary>
/// Per item of a hall: how many wait and since when the oldest. Read twice a second by the hall
/// monitor, so it never walks the queue: the counts come from <see cref="WaitingCount"/> plus the few
/// tickets sent to one counter, and the oldest from the head of each non-empty lane (index seeks).
/// </summary>
public static class QueueStats
{
    public static async Task<Dictionary<Guid, ItemStats>> ReadAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var waiting = new Dictionary<Guid, int>();
        var lanes = new HashSet<(Guid ServiceItemId, int Lane)>();
        foreach (var count in await WaitingCounts.OfHallAsync(db, hallId, ct))
        {
            waiting[count.ServiceItemId] = waiting.GetValueOrDefault(count.ServiceItemId) + count.Waiting;
            lanes.Add(count.ItemLane);
        }
        await foreach (var sent in SentToCounters.For(db)(db, hallId).WithCancellation(ct))
        {
            waiting[sent.ServiceItemId] = waiting.GetValueOrDefault(sent.ServiceItemId) + 1;
            lanes.Add((sent.ServiceItemId, sent.Lane));
        }
        var oldest = new Dictionary<Guid, DateTime>();
        foreach (var (itemId, lane) in lanes)
        {
            if (await HeadOfLane.For(db)(db, hallId, itemId, lane, ct) is not { } queuedAt)
                continue;
            if (!oldest.TryGetValue(itemId, out var known) || queuedAt < known)
                oldest[itemId] = queuedAt;
        }
        return oldest.ToDictionary(o => o.Key, o => new ItemStats(waiting.GetValueOrDefault(o.Key), o.Value));
    }

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<SentTicket>>> SentToCounters = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId) =>
            db.Tickets.Where(t => t.Status == TicketStatus.Waiting && t.TargetCounterId != null && t.HallId == hallId)
                .Select(t => new SentTicket(t.ServiceItemId, t.Lane))));

    // The head's wait counts from when it joined the line: a visit's next step has its place by the visit's issue
    // (QueuedAt) but arrived when the previous step finished (ADR-029).
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, int, CancellationToken, Task<DateTime?>>> HeadOfLane = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, Guid itemId, int lane, CancellationToken ct) =>
            db.Tickets.Where(t => t.HallId == hallId && t.ServiceItemId == itemId && t.Lane == lane && t.Status == TicketStatus.Waiting)
                .OrderBy(t => t.QueuedAt).Select(t => (DateTime?)(t.ArrivedAt ?? t.QueuedAt)).FirstOrDefault()));

    private sealed record SentTicket(Guid ServiceItemId, int Lane);
}
