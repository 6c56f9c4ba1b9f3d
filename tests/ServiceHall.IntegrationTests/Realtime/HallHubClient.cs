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
        foreach (var name in new[] { "TicketIssued", "TicketCalled", "QueueChanged", "AlertRaised", "AlertCleared" })
            _connection.On<JsonElement>(name, payload => _events.Enqueue((name, JsonNode.Parse(payload.GetRawText())!.AsObject())));
    }

    public static async Task<HallHubClient> ConnectAsync(WebApplicationFactory<Program> app, Guid hallId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"/hubs/hall?hallId={hallId}"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return new HallHubClient(connection);
    }

    /// <summary>The first event of that name matching the predicate, waiting up to 10 s.</summary>
    public async Task<JsonObject> WaitForAsync(string name, Func<JsonObject, bool>? match = null) =>
        await TryWaitForAsync(name, TimeSpan.FromSeconds(10), match)
        ?? throw new TimeoutException($"No {name} event arrived; got: {string.Join(", ", _events.Select(e => e.Name))}");

    /// <summary>The first event of that name matching the predicate, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<JsonObject?> TryWaitForAsync(string name, TimeSpan wait, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var found = _events.FirstOrDefault(e => e.Name == name && (match?.Invoke(e.Payload) ?? true));
            if (found.Payload is not null)
                return found.Payload;
            if (DateTime.UtcNow >= deadline)
                return null;
            await Task.Delay(20);
        }
    }

    public int Count(string name, Func<JsonObject, bool>? match = null) =>
        _events.Count(e => e.Name == name && (match?.Invoke(e.Payload) ?? true));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
