using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceHall.Core.Data;

/// <summary>A write transaction that also holds the SQLite write gate until disposed.</summary>
public sealed class WriteScope(IDbContextTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    private bool _released;

    public Task CommitAsync(CancellationToken ct = default) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            if (!_released)
            {
                _released = true;
                gate?.Release();
            }
        }
    }
}

/// <summary>One writer at a time per SQLite database file within this process.</summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static SemaphoreSlim For(string connectionString) =>
        Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
