using StackExchange.Redis;

namespace ServiceHall.Web.Features.Nodes;

/// <summary>
/// The one Redis connection of this node for what nodes share beside SignalR's backplane (which keeps
/// its own): the relay of hall events and the anonymous limiter. Configured by <c>Realtime:Redis</c>;
/// it reconnects by itself after Redis restarts.
/// </summary>
public sealed class RedisConnection(IConfiguration configuration) : IAsyncDisposable
{
    public const string ConfigurationKey = "Realtime:Redis";
    private readonly string? _configuration = configuration[ConfigurationKey];
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_configuration);

    public static bool IsConfiguredIn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConfigurationKey]);

    public async Task<IConnectionMultiplexer> GetAsync()
    {
        if (_multiplexer is { } ready)
            return ready;
        if (!IsConfigured)
            throw new InvalidOperationException($"{ConfigurationKey} is not set.");
        await _connecting.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                var options = ConfigurationOptions.Parse(_configuration!);
                // A node starts while Redis restarts: it connects when Redis is back.
                options.AbortOnConnectFail = false;
                _multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _multiplexer;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
            await multiplexer.DisposeAsync();
    }
}
