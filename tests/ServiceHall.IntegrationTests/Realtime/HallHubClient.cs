using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServiceHall.IntegrationTests.Realtime;

/// <summary>A real SignalR client on /hubs/hall that records every event it receives.</summary>
public sealed class HallHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Name, JsonObject Payload)> _events = new();

    private HallHubClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var name in new[] { "TicketIssued", "TicketCalled", "TicketChanged", "QueueChanged", "AlertRaised", "AlertCleared" })
            _connection.On<JsonElement>(name, payload => _events.Enqueue((name, JsonNode.Parse(payload.GetRawText())!.AsObject())));
    }

    /// <summary>A screen of the hall, or with <paramref name="ticketId"/> a phone following its ticket.</summary>
    public static async Task<HallHubClient> ConnectAsync(WebApplicationFactory<Program> app, Guid hallId, Guid? ticketId = null)
    {
        var follow = ticketId is { } id ? $"&ticketId={id}" : "";
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"/hubs/hall?hallId={hallId}{follow}"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        // Handlers first, then start; Ready answers once the connection follows its hall.
        var client = new HallHubClient(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Ready");
        return client;
    }

    /// <summary>The first event of that name matching the predicate, waiting up to 10 s.</summary>
    public async Task<JsonObject> WaitForAsync(string name, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var found = _events.FirstOrDefault(e => e.Name == name && (match?.Invoke(e.Payload) ?? true));
            if (found.Payload is not null)
                return found.Payload;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No {name} event arrived; got: {string.Join(", ", _events.Select(e => e.Name))}");
    }

    /// <summary>Waits up to 10 s until <paramref name="count"/> events of that name have arrived.</summary>
    public async Task WaitForCountAsync(string name, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count(name) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Count(name)} {name} events arrived, not {count}");
            await Task.Delay(20);
        }
    }

    public IEnumerable<JsonObject> Events(string name) => _events.Where(e => e.Name == name).Select(e => e.Payload);

    public int Count(string name, Func<JsonObject, bool>? match = null) =>
        _events.Count(e => e.Name == name && (match?.Invoke(e.Payload) ?? true));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
