using System.Collections.Concurrent;

namespace ServiceHall.Web.Realtime;

public enum HallEventKind
{
    TicketIssued,
    TicketCalled,
    /// <summary>Payload: the fresh <see cref="Core.Features.Queue.QueueOverview"/> (coalesced by <c>HallMonitor</c>).</summary>
    QueueChanged,
    AlertRaised,
    AlertCleared,
    /// <summary>Payload: the <see cref="Core.Features.Alerts.AlertView"/> with who took it on; for the hall's pages only.</summary>
    AlertAcknowledged,
    /// <summary>Payload: <see cref="Core.Features.Standards.StandardCardIssued"/>; for the hall's pages only, never the public hub (it names who broke a rule).</summary>
    CardIssued,
}

/// <summary>One event of a hall, with the same payload the hub sends to its clients.</summary>
public sealed record HallEvent(Guid HallId, HallEventKind Kind, object Payload);

/// <summary>
/// The hub's messages for server-side listeners in this process: Blazor circuits (counter page,
/// dashboard) subscribe to their hall instead of opening a SignalR client to their own server.
/// With several nodes, <see cref="HallEventRelay"/> sends this node's events to the others and hands
/// theirs in through <see cref="Deliver"/> (ADR-019), so a page sees every node's changes at once.
/// </summary>
public sealed class HallEventFeed(ILogger<HallEventFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _halls = new();

    /// <summary>
    /// Calls <paramref name="handler"/> for each event of <paramref name="hallId"/> until disposed. The handler
    /// runs in the subscriber's execution context (its culture above all), not in that of the request or
    /// circuit whose action raised the event: a page in English stays in English.
    /// </summary>
    public IDisposable Subscribe(Guid hallId, Func<HallEvent, Task> handler)
    {
        var subscription = new Subscription(this, hallId, handler, ExecutionContext.Capture());
        _halls.GetOrAdd(hallId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Set by <see cref="HallEventRelay"/> when Redis joins several nodes: sends an event of this node to the others.</summary>
    internal Action<HallEvent>? Relay { get; set; }

    /// <summary>An event of this node: to its listeners here and, through the relay, on every other node.</summary>
    public void Publish(HallEvent e)
    {
        Deliver(e);
        Relay?.Invoke(e);
    }

    /// <summary>Hands the event to every listener of the hall here without waiting for them: a slow page never delays a counter's action.</summary>
    public void Deliver(HallEvent e)
    {
        if (!_halls.TryGetValue(e.HallId, out var subscriptions))
            return;
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.Context is { } context)
                ExecutionContext.Run(context, _ => _ = DeliverAsync(subscription, e), null);
            else
                _ = DeliverAsync(subscription, e);
        }
    }

    private async Task DeliverAsync(Subscription subscription, HallEvent e)
    {
        try
        {
            await subscription.Handler(e);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A listener of hall {HallId} failed on {Kind}", e.HallId, e.Kind);
        }
    }

    private sealed class Subscription(HallEventFeed feed, Guid hallId, Func<HallEvent, Task> handler, ExecutionContext? context)
        : IDisposable
    {
        public Func<HallEvent, Task> Handler => handler;
        public ExecutionContext? Context => context;

        public void Dispose()
        {
            if (feed._halls.TryGetValue(hallId, out var subscriptions))
                subscriptions.TryRemove(this, out _);
        }
    }
}
