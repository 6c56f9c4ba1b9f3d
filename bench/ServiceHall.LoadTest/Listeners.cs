using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServiceHall.LoadTest;

/// <summary>
/// The screens of the fan-out run, on the official SignalR client as the pages' own client speaks it:
/// displays follow the whole hall (<c>/hubs/hall?hallId=…</c>), each phone follows its own ticket
/// (<c>&amp;ticketId=…</c>). Every call a screen receives is timed from the moment the server called it
/// (the message's <c>calledAt</c>; client and server share this machine's clock).
/// </summary>
public sealed class Listeners : IAsyncDisposable
{
    private readonly List<HubConnection> _displays = [];
    private readonly List<HubConnection> _phones = [];
    private readonly ConcurrentBag<double> _displayMs = [];
    private readonly ConcurrentBag<double> _phoneMs = [];
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, byte>> _seenByDisplay = new();
    private long _phoneMessages;
    private long _displayMessages;
    private DateTime _fromUtc = DateTime.MaxValue, _toUtc = DateTime.MaxValue;

    public int Displays => _displays.Count;
    public int Phones => _phones.Count;

    public static async Task<Listeners> ConnectAsync(string url, Guid hallId, int displays, IReadOnlyList<Guid> phoneTickets)
    {
        var listeners = new Listeners();
        for (var d = 0; d < displays; d++)
            listeners._displays.Add(await listeners.ConnectOneAsync($"{url}/hubs/hall?hallId={hallId}", display: d));
        // Phones come up 50 at a time, as a hall's phones would over minutes rather than in one burst.
        foreach (var chunk in phoneTickets.Chunk(50))
            listeners._phones.AddRange(await Task.WhenAll(chunk.Select(ticket =>
                listeners.ConnectOneAsync($"{url}/hubs/hall?hallId={hallId}&ticketId={ticket}", display: null))));
        return listeners;
    }

    private async Task<HubConnection> ConnectOneAsync(string hubUrl, int? display)
    {
        // Phones skip negotiation and open the WebSocket at once: one socket each on the server, as behind nginx, where the
        // negotiating request travels on nginx's shared upstream connections. Served directly, each kept its negotiating
        // connection open as well (Kestrel's keep-alive), and at 10,000 phones the server met this machine's hard limit of
        // 20,000 open files per process.
        var connection = new HubConnectionBuilder().WithUrl(hubUrl, options =>
        {
            if (display is null)
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            }
        }).Build();
        connection.On<JsonElement>("TicketCalled", call => Received(call, display));
        // Queue overviews (the whole hall for screens, the ticket's item for phones) are counted, not timed.
        connection.On<JsonElement>("QueueChanged", _ => Count(display));
        connection.On<JsonElement>("TicketIssued", _ => Count(display));
        await connection.StartAsync();
        await connection.InvokeAsync("Ready");
        return connection;
    }

    private void Count(int? display)
    {
        if (display is null)
            Interlocked.Increment(ref _phoneMessages);
        else
            Interlocked.Increment(ref _displayMessages);
    }

    private void Received(JsonElement call, int? display)
    {
        var now = DateTime.UtcNow;
        Count(display);
        var calledAt = HallApi.UtcTime(call.GetProperty("calledAt"));
        if (calledAt < _fromUtc || calledAt >= _toUtc)
            return;
        var ms = (now - calledAt).TotalMilliseconds;
        if (display is { } d)
        {
            _displayMs.Add(ms);
            _seenByDisplay.GetOrAdd(d, _ => new()).TryAdd(call.GetProperty("number").GetString()!, 0);
        }
        else
        {
            _phoneMs.Add(ms);
        }
    }

    /// <summary>Calls made by the server from now on, until <paramref name="seconds"/> later, are timed.</summary>
    public void Measure(DateTime fromUtc, double seconds)
    {
        _toUtc = fromUtc.AddSeconds(seconds);
        _fromUtc = fromUtc;
    }

    public (long Display, long Phone) Messages => (Interlocked.Read(ref _displayMessages), Interlocked.Read(ref _phoneMessages));

    public FanoutSummary Summarise(IReadOnlySet<string> calledNumbers)
    {
        var missed = Enumerable.Range(0, _displays.Count)
            .Sum(d => calledNumbers.Count(n => !_seenByDisplay.TryGetValue(d, out var seen) || !seen.ContainsKey(n)));
        return new FanoutSummary(_displays.Count, _phones.Count, calledNumbers.Count, missed,
            Latency.Of(_displayMs), Latency.Of(_phoneMs));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _displays.Concat(_phones).Chunk(200))
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
    }
}

/// <summary>Call → screen delays in milliseconds: how many were received and their percentiles.</summary>
public sealed record Latency(int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static Latency Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}

/// <summary>What the screens saw of the calls made in the window: every display should have seen every call.</summary>
public sealed record FanoutSummary(int Displays, int Phones, int Calls, int DisplayCallsMissed, Latency CallToDisplay, Latency CallToPhone);
