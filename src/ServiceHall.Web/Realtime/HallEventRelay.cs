using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Features.Nodes;
using StackExchange.Redis;

namespace ServiceHall.Web.Realtime;

/// <summary>
/// Joins the <see cref="HallEventFeed"/> of every node through one Redis pub/sub channel (ADR-019): each
/// node publishes its hall events there and delivers the other nodes' events to its own listeners, so a
/// counter page or dashboard on node B sees a call made on node A as soon as a screen does. SignalR's
/// backplane reaches only SignalR connections; Blazor circuits listen to the feed, not to the hub.
/// </summary>
public sealed class HallEventRelay(HallEventFeed feed, RedisConnection redis, NodeIdentity node, ILogger<HallEventRelay> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("servicehall:hall-events");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private ISubscriber? _subscriber;

    /// <summary>The payload type of each kind; an event of a kind not listed here could not cross to another node.</summary>
    public static Type PayloadType(HallEventKind kind) => kind switch
    {
        HallEventKind.TicketIssued => typeof(TicketView),
        HallEventKind.TicketCalled => typeof(TicketCalledMessage),
        HallEventKind.QueueChanged => typeof(QueueOverview),
        HallEventKind.AlertRaised or HallEventKind.AlertCleared => typeof(AlertView),
        HallEventKind.CardIssued => typeof(Core.Features.Standards.StandardCardIssued),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A hall event kind needs its payload type for the relay."),
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
            return;
        var subscriber = (await redis.GetAsync()).GetSubscriber();
        // Subscribed before this node serves anything: no event of another node falls before it.
        await subscriber.SubscribeAsync(Channel, (_, message) => Receive(message));
        _subscriber = subscriber;
        feed.Relay = Send;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Relay = null;
        if (_subscriber is { } subscriber)
            await subscriber.UnsubscribeAsync(Channel);
    }

    public static byte[] Serialize(string node, HallEvent e) =>
        JsonSerializer.SerializeToUtf8Bytes(new Relayed(node, e.HallId, e.Kind,
            JsonSerializer.SerializeToElement(e.Payload, PayloadType(e.Kind), Json)), Json);

    /// <summary>The event in a message of another node; null for this node's own, which its listeners already had.</summary>
    public static HallEvent? Deserialize(string node, byte[] message)
    {
        var relayed = JsonSerializer.Deserialize<Relayed>(message, Json)!;
        if (relayed.Node == node)
            return null;
        var payload = relayed.Payload.Deserialize(PayloadType(relayed.Kind), Json)!;
        return new HallEvent(relayed.HallId, relayed.Kind, payload);
    }

    private void Send(HallEvent e)
    {
        try
        {
            // Fire and forget keeps the order of one connection's messages and never delays a counter's action.
            _subscriber?.Publish(Channel, Serialize(node.Name, e), CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Relaying {Kind} of hall {HallId} to the other nodes failed", e.Kind, e.HallId);
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            if (Deserialize(node.Name, (byte[])message!) is { } e)
                feed.Deliver(e);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A hall event from another node could not be read");
        }
    }

    private sealed record Relayed(string Node, Guid HallId, HallEventKind Kind, JsonElement Payload);
}
