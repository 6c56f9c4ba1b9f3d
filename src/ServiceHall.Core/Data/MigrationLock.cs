using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ServiceHall.Core.Data;

/// <summary>
/// Nodes that start together on a fresh PostgreSQL database migrate and seed one after the other (P6):
/// EF Core locks the migrations themselves, but not the seeding that follows them (roles, the demo hall,
/// the first administrator), whose check-then-insert two nodes would both pass. A session advisory lock
/// on a connection of its own covers both; on SQLite one process owns the file and nothing is taken.
/// </summary>
public static class MigrationLock
{
    /// <summary>Any constant shared by every node of an installation: "SrvHall" in ASCII.</summary>
    private const long Key = 0x53_72_76_48_61_6C_6C;

    public static async Task<IAsyncDisposable> TakeAsync(HallDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
            return new Held(null);
        await EnsureDatabaseAsync(db, ct);
        // Unpooled: the lock lives and dies with this session, never with a connection lent to a query.
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        command.CommandTimeout = 0; // a node waits as long as another migrates
        await command.ExecuteNonQueryAsync(ct);
        return new Held(connection);
    }

    /// <summary>
    /// The lock is taken in the hall's database, so that database must exist first: an operator may leave its
    /// creation to the first start, as Migrate would. Nodes racing to create it all go on (42P04: created by another).
    /// </summary>
    private static async Task EnsureDatabaseAsync(HallDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    private sealed class Held(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null)
                return;
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", Key);
                await command.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
