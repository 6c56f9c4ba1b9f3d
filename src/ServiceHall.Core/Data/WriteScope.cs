using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceHall.Core.Data;

/// <summary>A write transaction that also holds the SQLite write gate until disposed.</summary>
public sealed class WriteScope(IDbContextTransaction transaction, WriteGate? gate) : IAsyncDisposable
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
