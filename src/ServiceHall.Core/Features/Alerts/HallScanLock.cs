using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>
/// One alert scan of a hall at a time, from reading its queue to writing its alerts. Scans read before they write, so
/// two running together (the monitor's after a change, the periodic one, a test's or another node's) let the one that
/// read the queue before a ticket committed clear the alert the other had just raised from a later reading: the alert
/// flapped. In this process a semaphore per hall orders them; on PostgreSQL a session advisory lock per hall, held on
/// the scan's own connection, orders the nodes too (SQLite has one process).
/// </summary>
public static class HallScanLock
{
    /// <summary>The lock space of hall scans among the installation's advisory locks: "Scan" in ASCII.</summary>
    private const int Space = 0x53_63_61_6E;

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> InProcess = new();

    public static async Task<IAsyncDisposable> TakeAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var local = InProcess.GetOrAdd(hallId, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(ct);
        if (!db.Database.IsNpgsql())
            return new Held(local, null, 0);
        var key = KeyOf(hallId);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0}, {1})", [Space, key], ct);
            return new Held(local, db, key);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            local.Release();
            throw;
        }
    }

    private static int KeyOf(Guid hallId)
    {
        Span<int> parts = stackalloc int[4];
        hallId.TryWriteBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parts));
        return parts[0] ^ parts[1] ^ parts[2] ^ parts[3];
    }

    private sealed class Held(SemaphoreSlim local, HallDbContext? db, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (db is not null)
                {
                    // Not the scan's token: a cancelled scan still lets go. A broken connection ends its session, and the lock with it.
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0}, {1})", [Space, key], CancellationToken.None);
                    await db.Database.CloseConnectionAsync();
                }
            }
            finally
            {
                local.Release();
            }
        }
    }
}
