using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>A request for a ticket whose fields are valid, waiting for its number.</summary>
public sealed record PendingIssue(
    Guid HallId,
    Guid ServiceItemId,
    TicketPriority Priority,
    TicketChannel Channel,
    DateTime? AppointmentStart,
    DateTime? AppointmentEnd)
{
    internal TaskCompletionSource<TicketView> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for ticket issue (docs/decisions/ADR-003). Requests that arrive while a commit is
/// under way are checked and written together in the next transaction: one fsync and a handful of
/// queries for many tickets, each caller answered only after its ticket is durable. A request the
/// hall refuses (unknown item, after the cut-off…) fails alone; the rest of its batch goes on.
/// </summary>
public sealed class TicketIssueBatcher(
    IServiceScopeFactory scopes, IHallNotifier notifier, TimeProvider time, ILogger<TicketIssueBatcher> logger)
    : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingIssue> _queue =
        Channel.CreateUnbounded<PendingIssue>(new UnboundedChannelOptions { SingleReader = true });

    public Task<TicketView> IssueAsync(PendingIssue pending)
    {
        if (!_queue.Writer.TryWrite(pending))
            pending.Completion.TrySetException(new InvalidOperationException("The ticket issuer is stopping."));
        return pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingIssue>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                await WriteBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        _queue.Writer.TryComplete();
        foreach (var pending in batch)
            pending.Completion.TrySetCanceled(stoppingToken);
        while (_queue.Reader.TryRead(out var left))
            left.Completion.TrySetCanceled(stoppingToken);
    }

    private async Task WriteBatchAsync(List<PendingIssue> batch, CancellationToken ct)
    {
        List<(PendingIssue Pending, TicketView View)> written;
        try
        {
            written = await WriteAsync(batch, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Writing a batch of {Count} tickets failed", batch.Count);
            foreach (var pending in batch)
                pending.Completion.TrySetException(ex);
            return;
        }
        foreach (var (pending, view) in written)
            pending.Completion.TrySetResult(view);
        foreach (var (_, view) in written)
            await notifier.TicketIssuedAsync(view);
        foreach (var hallId in written.Select(w => w.Pending.HallId).Distinct())
            notifier.QueueChanged(hallId);
    }

    private async Task<List<(PendingIssue, TicketView)>> WriteAsync(List<PendingIssue> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // Reads first, outside the write transaction: they decide and estimate, they do not take.
        var hallIds = batch.Select(p => p.HallId).Distinct().ToList();
        var itemIds = batch.Select(p => p.ServiceItemId).Distinct().ToList();
        var halls = await db.Halls.AsNoTracking().Where(h => hallIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var days = halls.Values.ToDictionary(h => h.Id, h => new HallClock(h.TimeZoneId).BusinessDay(now));
        var dayList = days.Values.Distinct().ToList();
        var closedDays = await db.BusinessDays.AsNoTracking().Where(d => hallIds.Contains(d.HallId) && dayList.Contains(d.Date))
            .Select(d => new { d.HallId, d.Date }).ToListAsync(ct);

        var accepted = new List<(PendingIssue Pending, ServiceItem Item, DateOnly Day)>(batch.Count);
        foreach (var p in batch)
        {
            try
            {
                var hall = halls.GetValueOrDefault(p.HallId) ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
                var item = items.GetValueOrDefault(p.ServiceItemId);
                if (item is null || item.HallId != p.HallId)
                    throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
                if (!item.IsActive)
                    throw DomainException.Conflict(ErrorCodes.ServiceItemInactive);
                switch (new HallClock(hall.TimeZoneId).IssueWindowAt(hall, now))
                {
                    case IssueWindow.NotYetOpen:
                        throw DomainException.Conflict(ErrorCodes.IssuingNotYetOpen, hall.OpensAt.ToString("HH:mm"));
                    case IssueWindow.Closed:
                        throw DomainException.Conflict(ErrorCodes.IssuingClosed, hall.IssueCutoff.ToString("HH:mm"));
                }
                if (closedDays.Any(d => d.HallId == hall.Id && d.Date == days[hall.Id]))
                    throw DomainException.Conflict(ErrorCodes.BusinessDayClosed);
                accepted.Add((p, item, days[hall.Id]));
            }
            catch (DomainException refusal)
            {
                p.Completion.TrySetException(refusal);
            }
        }
        if (accepted.Count == 0)
            return [];

        var acceptedItems = accepted.Select(a => a.Item.Id).Distinct().ToList();
        var waiting = (await db.Tickets
                .Where(t => hallIds.Contains(t.HallId) && acceptedItems.Contains(t.ServiceItemId) && t.Status == TicketStatus.Waiting
                    && t.TargetCounterId == null)
                .GroupBy(t => new { t.ServiceItemId, t.Priority })
                .Select(g => new { g.Key.ServiceItemId, g.Key.Priority, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.ServiceItemId, x.Priority), x => x.Count);
        var counters = await QueueEstimates.ServingCountersAsync(db, acceptedItems, ct);

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
                BusinessDay = day,
                Number = "",
                Priority = p.Priority,
                Channel = p.Channel,
                Status = TicketStatus.Waiting,
                IssuedAt = now,
                QueuedAt = now,
                AppointmentStart = p.AppointmentStart,
                AppointmentEnd = p.AppointmentEnd,
            });
        }
        var groups = accepted.GroupBy(a => (a.Pending.HallId, ItemId: a.Item.Id, a.Day))
            .Select(g => new NumberRequest(g.Key.HallId, g.Key.ItemId, g.Key.Day, g.Count())).ToList();

        await using (var write = await db.BeginWriteAsync(WritePriority.Bulk, ct))
        {
            var firsts = await TicketNumbers.AllocateAsync(db, groups, ct);
            var nextSequence = new Dictionary<Guid, int>(groups.Count);
            for (var g = 0; g < groups.Count; g++)
                nextSequence[groups[g].ServiceItemId] = firsts[g];
            for (var i = 0; i < tickets.Count; i++)
            {
                var sequence = nextSequence[tickets[i].ServiceItemId]++;
                tickets[i].Sequence = sequence;
                tickets[i].Number = TicketNumbers.Format(accepted[i].Item.Prefix, sequence);
            }
            await MultiRowInsert<Ticket>.InsertAsync(db, tickets, ct);
            await write.CommitAsync(ct);
        }

        var written = new List<(PendingIssue, TicketView)>(accepted.Count);
        for (var i = 0; i < tickets.Count; i++)
        {
            var (p, item, _) = accepted[i];
            // People ahead: those already waiting in the item by lane, plus earlier ones of this batch.
            var ahead = QueueLanes.AheadOf(p.Priority).Sum(pr => waiting.GetValueOrDefault((item.Id, pr)));
            waiting[(item.Id, p.Priority)] = waiting.GetValueOrDefault((item.Id, p.Priority)) + 1;
            var estimate = WaitEstimator.EstimateMinutes(ahead, item.AverageServiceMinutes, counters.GetValueOrDefault(item.Id));
            written.Add((p, TicketView.From(tickets[i], ahead, estimate)));
        }
        return written;
    }
}
