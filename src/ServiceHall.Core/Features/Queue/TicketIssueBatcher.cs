using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>A validated request waiting for its number.</summary>
public sealed record PendingIssue(
    Guid HallId,
    Guid ServiceItemId,
    string Prefix,
    int AverageServiceMinutes,
    DateOnly BusinessDay,
    TicketPriority Priority,
    TicketChannel Channel,
    DateTime? AppointmentStart,
    DateTime? AppointmentEnd)
{
    internal TaskCompletionSource<TicketView> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for ticket issue (see docs/decisions/ADR-003). Requests that arrive while a commit
/// is under way are written together in the next transaction: one fsync for many tickets, each
/// caller answered only after its ticket is durable.
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
        List<(Ticket Ticket, TicketView View)> written;
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
        for (var i = 0; i < batch.Count; i++)
            batch[i].Completion.TrySetResult(written[i].View);
        foreach (var (_, view) in written)
            await notifier.TicketIssuedAsync(view);
        foreach (var hallId in batch.Select(p => p.HallId).Distinct())
            notifier.QueueChanged(hallId);
    }

    private async Task<List<(Ticket, TicketView)>> WriteAsync(List<PendingIssue> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);

        var nextSequence = new Dictionary<(Guid, Guid, DateOnly), int>();
        foreach (var group in batch.GroupBy(p => (p.HallId, p.ServiceItemId, p.BusinessDay)))
            nextSequence[group.Key] = await TicketNumbers.AllocateAsync(
                db, group.Key.HallId, group.Key.ServiceItemId, group.Key.BusinessDay, group.Count(), ct);

        // People ahead: those already waiting in the item, by lane, plus earlier ones of this batch.
        var waitingByItem = new Dictionary<Guid, Dictionary<TicketPriority, int>>();
        var countersByItem = new Dictionary<Guid, int>();
        foreach (var itemId in batch.Select(p => p.ServiceItemId).Distinct())
        {
            waitingByItem[itemId] = await db.Tickets
                .Where(t => t.ServiceItemId == itemId && t.Status == TicketStatus.Waiting && t.TargetCounterId == null)
                .GroupBy(t => t.Priority)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            countersByItem[itemId] = await QueueEstimates.ServingCountersAsync(db, itemId, ct);
        }

        var written = new List<(Ticket, TicketView)>(batch.Count);
        foreach (var p in batch)
        {
            var key = (p.HallId, p.ServiceItemId, p.BusinessDay);
            var sequence = nextSequence[key]++;
            var ticket = new Ticket
            {
                Id = Guid.CreateVersion7(now),
                HallId = p.HallId,
                ServiceItemId = p.ServiceItemId,
                BusinessDay = p.BusinessDay,
                Sequence = sequence,
                Number = TicketNumbers.Format(p.Prefix, sequence),
                Priority = p.Priority,
                Channel = p.Channel,
                Status = TicketStatus.Waiting,
                IssuedAt = now,
                QueuedAt = now,
                AppointmentStart = p.AppointmentStart,
                AppointmentEnd = p.AppointmentEnd,
            };
            db.Tickets.Add(ticket);
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, HallId = ticket.HallId, Kind = TicketEventKind.Issued, At = now,
            });
            var waiting = waitingByItem[p.ServiceItemId];
            var ahead = QueueLanes.AheadOf(p.Priority).Sum(pr => waiting.GetValueOrDefault(pr));
            waiting[p.Priority] = waiting.GetValueOrDefault(p.Priority) + 1;
            var estimate = WaitEstimator.EstimateMinutes(ahead, p.AverageServiceMinutes, countersByItem[p.ServiceItemId]);
            written.Add((ticket, TicketView.From(ticket, ahead, estimate)));
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return written;
    }
}
