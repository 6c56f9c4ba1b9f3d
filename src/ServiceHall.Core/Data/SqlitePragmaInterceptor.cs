using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServiceHall.Core.Data;

/// <summary>
/// Sets per-connection SQLite pragmas. synchronous=FULL makes every commit durable (fsync of the
/// WAL); NORMAL may lose the last commits on power loss and is only offered for experiments.
/// Pooled connections keep their pragmas, so they are set once per physical connection, not on
/// every open (EF opens and closes the connection around each query). The file is not memory-mapped:
/// in WAL mode every read transaction that finds the database changed unmaps the whole mapping, and
/// with commits arriving continuously that became a munmap and a TLB flush per query (see
/// docs/PERFORMANCE.md, fourth round). The log is checkpointed by <see cref="SqliteCheckpointer"/>, not
/// by whichever commit crosses the threshold.
/// </summary>
internal sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock another connection holds (a reader for a checkpoint).</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly ConditionalWeakTable<object, object> Prepared = new();
    private readonly string _pragmas =
        $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Prepared.AddOrUpdate(handle, handle);
    }

    private static bool NeedsPragmas(DbConnection connection, out object handle)
    {
        handle = (object?)(connection as SqliteConnection)?.Handle ?? connection;
        return !Prepared.TryGetValue(handle, out _);
    }
}
