using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Priorities;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// How many batches may be written at once (<c>Queue:IssueWriters</c>, 1 by default): on SQLite writes take
/// turns at the file anyway; on PostgreSQL a batch mostly waits for round trips, which more writers overlap.
/// </summary>
public sealed record TicketIssueOptions(int Writers);

/// <summary>
/// A request for a ticket whose fields are valid, waiting for its number; <paramref name="TargetCounterId"/> binds it to
/// one counter (an appointment of a counter's or a staff member's slot).
/// </summary>
public sealed record PendingIssue(
    Guid HallId,
    Guid ServiceItemId,
    TicketPriority Priority,
    TicketChannel Channel,
    DateTime? AppointmentStart,
    DateTime? AppointmentEnd,
    Guid? PriorityCategoryId = null,
    Guid? TargetCounterId = null)
{
    /// <summary>
    /// Completed on the batch thread, which also runs what awaits it (the reply to the kiosk): a batch
    /// handed to the thread pool put a burst of replies in its queue at once, ahead of every counter's
    /// request that came after (alternating runs: call-next p99 26.6 against 29.5 ms, median of six).
    /// </summary>
    internal TaskCompletionSource<TicketView> Completion { get; } = new();
}

/// <summary>
/// Group commit for ticket issue (docs/decisions/ADR-003). Requests that arrive while a commit is
/// under way are checked and written together in the next transaction: one fsync and a handful of
/// queries for many tickets, each caller answered only after its ticket is durable. A request the
/// hall refuses (unknown item, after the cut-off…) fails alone; the rest of its batch goes on.
/// </summary>
public sealed class TicketIssueBatcher(
    IServiceScopeFactory scopes, IHallNotifier notifier, TimeProvider time, TicketIssueOptions options, ILogger<TicketIssueBatcher> logger)
    : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly ConcurrentQueue<PendingIssue> _queue = new();
    private readonly ManualResetEventSlim _arrived = new(false);
    private volatile bool _stopping;

    public Task<TicketView> IssueAsync(PendingIssue pending)
    {
        _queue.Enqueue(pending);
        _arrived.Set();
        if (_stopping)
            CancelWaiting();
        return pending.Completion.Task;
    }

    /// <summary>
    /// The batches are written on threads of their own, not the thread pool: when the machine is
    /// busy with requests, a batch that waited in the pool's queue at every step (for its turn to
    /// start, and again for the write gate) kept the gate idle and every kiosk waiting. On SQLite each
    /// step of a batch completes synchronously, so the whole batch runs on its thread, and one writer
    /// is enough (the file has one writer at a time). On PostgreSQL each step is a round trip: several
    /// writers keep batches in flight while one waits for the server (<see cref="TicketIssueOptions"/>).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stoppingToken.Register(() =>
        {
            _stopping = true;
            _arrived.Set();
        });
        var writers = Enumerable.Range(1, Math.Max(1, options.Writers)).Select(n =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            new Thread(() =>
            {
                try
                {
                    Run(stoppingToken);
                }
                finally
                {
                    CancelWaiting();
                    done.TrySetResult();
                }
            })
            { IsBackground = true, Name = $"Ticket batches {n}" }.Start();
            return done.Task;
        }).ToList();
        return Task.WhenAll(writers);
    }

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<PendingIssue>(MaxBatch);
        while (!_stopping)
        {
            _arrived.Wait();
            // Stopping leaves the event set, so that every writer wakes and ends.
            if (_stopping)
                break;
            // Reset before draining: a request queued after the reset sets the event again, and
            // wakes another writer if this one is busy writing.
            _arrived.Reset();
            while (!_stopping && !_queue.IsEmpty)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
                    batch.Add(pending);
                WriteBatchAsync(batch, stoppingToken).GetAwaiter().GetResult();
                batch.Clear();
            }
        }
    }

    private void CancelWaiting()
    {
        while (_queue.TryDequeue(out var left))
            left.Completion.TrySetCanceled();
    }

    private async Task WriteBatchAsync(List<PendingIssue> batch, CancellationToken ct)
    {
        List<(PendingIssue Pending, TicketView View)> written;
        try
        {
            written = await WriteAsync(batch, ct);
        }
        catch (OperationCanceledException)
        {
            foreach (var pending in batch)
                pending.Completion.TrySetCanceled();
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Writing a batch of {Count} tickets failed", batch.Count);
            foreach (var pending in batch)
                pending.Completion.TrySetException(ex);
            return;
        }
        foreach (var (pending, view) in written)
            pending.Completion.TrySetResult(view);
        foreach (var (_, view) in written)
            await notifier.TicketIssuedAsync(view with { RatingKey = null }); // only the issuer gets the key
        foreach (var hallId in written.Select(w => w.Pending.HallId).Distinct())
            notifier.QueueChanged(hallId);
    }

    private async Task<List<(PendingIssue, TicketView)>> WriteAsync(List<PendingIssue> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // Reads first, outside the write transaction: they decide and estimate, they do not take.
        // Per hall (a batch rarely spans more than one), each a compiled query with scalar parameters.
        var facts = new Dictionary<Guid, HallFacts?>();
        foreach (var hallId in batch.Select(p => p.HallId).Distinct())
            facts[hallId] = await ReadHallAsync(db, hallId, now,
                batch.Any(p => p.HallId == hallId && PriorityClaims.Claims(p.PriorityCategoryId, p.Priority)), ct);

        var accepted = new List<(PendingIssue Pending, ServiceItem Item, DateOnly Day)>(batch.Count);
        foreach (var p in batch)
        {
            try
            {
                var hall = facts[p.HallId] ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
                var item = hall.Items.GetValueOrDefault(p.ServiceItemId) ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
                if (!item.IsActive)
                    throw DomainException.Conflict(ErrorCodes.ServiceItemInactive);
                // The same rule the kiosk shows before a tap (ItemAvailability), with this batch's earlier tickets counted.
                var issued = hall.Issued.GetValueOrDefault(item.Id);
                var itemFacts = new ItemFacts(item.ServedFrom, item.ServedUntil, item.DailyQuota, issued,
                    hall.Counters.GetValueOrDefault(item.Id));
                if (ItemAvailability.Refusal(ItemAvailability.Check(hall.Schedule, hall.LocalTime, itemFacts), hall.Schedule, itemFacts) is { } refused)
                    throw refused;
                hall.Issued[item.Id] = issued + 1;
                if (hall.DayClosed)
                    throw DomainException.Conflict(ErrorCodes.BusinessDayClosed);
                // The hall's category decides the class (ADR-031): the pending issue goes on with both.
                var claim = PriorityClaims.Resolve(p.PriorityCategoryId, p.Priority, hall.Categories);
                accepted.Add((p with { Priority = claim.Priority, PriorityCategoryId = claim.CategoryId }, item, hall.Day));
            }
            catch (DomainException refusal)
            {
                p.Completion.TrySetException(refusal);
            }
        }
        if (accepted.Count == 0)
            return [];
        // In item and priority order, so that the waiting-count rows the triggers update (ADR-009) are
        // always locked in the same order on PostgreSQL; within an item and priority, in arrival order.
        accepted = accepted.OrderBy(a => a.Item.Id).ThenBy(a => a.Pending.Priority).ToList();

        // The tickets are built before the write gate is taken; under it they only get their numbers,
        // and the gate is held for two statements (numbers, rows) and the commit.
        var tickets = new List<Ticket>(accepted.Count);
        foreach (var (p, item, day) in accepted)
        {
            tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(now),
                HallId = p.HallId,
                ServiceItemId = item.Id,
                RatingKey = Ratings.RatingKeys.New(),
                BusinessDay = day,
                Number = "",
                Priority = p.Priority,
                PriorityCategoryId = p.PriorityCategoryId,
                Channel = p.Channel,
                Status = TicketStatus.Waiting,
                IssuedAt = now,
                QueuedAt = now,
                AppointmentStart = p.AppointmentStart,
                AppointmentEnd = p.AppointmentEnd,
                TargetCounterId = p.TargetCounterId,
            });
        }
        var groups = accepted.GroupBy(a => (a.Pending.HallId, ItemId: a.Item.Id, a.Day))
            .Select(g => new NumberRequest(g.Key.HallId, g.Key.ItemId, g.Key.Day, g.Count())).ToList();

        await using (var write = db.BeginWrite(WritePriority.Bulk, ct))
        {
            var firsts = await TicketNumbers.AllocateAsync(db, groups, ct);
            // The people ahead are counted now: the numbers just taken lock the batch's items until the
            // commit, so a batch written beside this one (PostgreSQL) is either counted or waits.
            foreach (var hallId in accepted.Select(a => a.Pending.HallId).Distinct())
            {
                var waiting = facts[hallId]!.Waiting;
                foreach (var c in await WaitingCounts.OfHallAsync(db, hallId, ct))
                    waiting[(c.ServiceItemId, c.Priority)] = c.Waiting;
            }
            var nextSequence = new Dictionary<Guid, int>(groups.Count);
            for (var g = 0; g < groups.Count; g++)
                nextSequence[groups[g].ServiceItemId] = firsts[g];
            for (var i = 0; i < tickets.Count; i++)
            {
                var sequence = nextSequence[tickets[i].ServiceItemId]++;
                tickets[i].Sequence = sequence;
                tickets[i].Number = TicketNumbers.Format(accepted[i].Item.Prefix, sequence);
            }
            // Two nodes may both have seen a quota not yet reached: the numbers just reserved are exact.
            for (var i = tickets.Count - 1; i >= 0; i--)
            {
                if (accepted[i].Item.DailyQuota is { } quota && tickets[i].Sequence > quota)
                {
                    accepted[i].Pending.Completion.TrySetException(DomainException.Conflict(ErrorCodes.QuotaReached, quota));
                    accepted.RemoveAt(i);
                    tickets.RemoveAt(i);
                }
            }
            if (tickets.Count == 0)
                return [];
            await MultiRowInsert<Ticket>.InsertAsync(db, tickets, ct);
            await write.CommitAsync(ct);
        }

        var written = new List<(PendingIssue, TicketView)>(accepted.Count);
        for (var i = 0; i < tickets.Count; i++)
        {
            var (p, item, _) = accepted[i];
            // People ahead: those already waiting in the item by lane, plus earlier ones of this batch.
            var hall = facts[p.HallId]!;
            var ahead = QueueLanes.AheadOf(p.Priority).Sum(pr => hall.Waiting.GetValueOrDefault((item.Id, pr)));
            hall.Waiting[(item.Id, p.Priority)] = hall.Waiting.GetValueOrDefault((item.Id, p.Priority)) + 1;
            var estimate = WaitEstimator.EstimateMinutes(ahead, item.AverageServiceMinutes, hall.Counters.GetValueOrDefault(item.Id));
            written.Add((p, TicketView.From(tickets[i], ahead, estimate) with { RatingKey = tickets[i].RatingKey }));
        }
        return written;
    }

    /// <summary>What a batch needs to know of one hall: read once per batch, not per ticket.</summary>
    private sealed record HallFacts(Hall Hall, Dictionary<Guid, ServiceItem> Items, DateOnly Day, bool DayClosed,
        Dictionary<(Guid ServiceItemId, TicketPriority Priority), int> Waiting, Dictionary<Guid, int> Counters,
        DaySchedule Schedule, TimeOnly LocalTime, Dictionary<Guid, int> Issued, List<CategoryFacts> Categories);

    private static async Task<HallFacts?> ReadHallAsync(HallDbContext db, Guid hallId, DateTime now, bool claimsPriority, CancellationToken ct)
    {
        var hall = await HallById.FindAsync(db, hallId, ct);
        if (hall is null)
            return null;
        var clock = new HallClock(hall.TimeZoneId);
        var day = clock.BusinessDay(now);
        var items = new Dictionary<Guid, ServiceItem>();
        await foreach (var item in ItemsOfHall.For(db)(db, hallId).WithCancellation(ct))
            items[item.Id] = item;
        // Numbers given today per item, for the daily quotas: read only when an item has one.
        var issued = new Dictionary<Guid, int>();
        if (items.Values.Any(i => i.DailyQuota is not null))
        {
            await foreach (var s in NumbersOfDay.For(db)(db, hallId, day).WithCancellation(ct))
                issued[s.ServiceItemId] = s.LastSequence;
        }
        // The hall's priority categories: read only for a batch that claims a priority (most tickets are normal).
        var categories = new List<CategoryFacts>();
        if (claimsPriority)
        {
            await foreach (var c in CategoriesOfHall.For(db)(db, hallId).WithCancellation(ct))
                categories.Add(c);
        }
        return new HallFacts(hall, items, day, await DayClosed.For(db)(db, hallId, day, ct), [],
            await QueueEstimates.ServingCountersAsync(db, hallId, ct), await HallDays.ScheduleAsync(db, hall, day, ct),
            clock.LocalTime(now), issued, categories);
    }

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<ServiceItem>>> ItemsOfHall = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId) => db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)));

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, DateOnly, IAsyncEnumerable<TicketNumberSequence>>> NumbersOfDay = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, DateOnly day) =>
            db.TicketNumberSequences.AsNoTracking().Where(s => s.HallId == hallId && s.BusinessDay == day)));

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<CategoryFacts>>> CategoriesOfHall = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId) => db.Set<PriorityCategory>().AsNoTracking().Where(c => c.HallId == hallId)
            .Select(c => new CategoryFacts(c.Id, c.Class, c.IsActive, c.SortOrder))));

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, DateOnly, CancellationToken, Task<bool>>> DayClosed = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId, DateOnly day, CancellationToken ct) =>
            db.BusinessDays.Any(d => d.HallId == hallId && d.Date == day)));
}
