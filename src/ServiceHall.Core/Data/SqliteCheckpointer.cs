using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceHall.Core.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file from a background task. SQLite's
/// own automatic checkpoint runs inside the commit that crosses the threshold, so one writer in a few
/// hundred held the write gate (ADR-002) through a copy of a thousand pages and an fsync of the file.
/// A passive checkpoint needs neither the write lock nor the gate, and every connection turns the
/// automatic one off (<see cref="SqlitePragmaInterceptor"/>).
/// </summary>
/// <remarks>
/// A passive checkpoint never starts the log over while commits and reads keep coming: each leaves
/// the last frames to a reader still on them, and the log only grew (2.3 GB after 80 s of the
/// benchmark), every commit appending to fresh blocks of the file. So once the log is long, the log is
/// restarted under the write gate, where no commit can add a frame and only the readers of the moment
/// are waited for; the next commit then writes from the start of the file again.
/// </remarks>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    /// <summary>Frames (pages of 4 KiB) in the log before it is started over: 16 MiB.</summary>
    private const int RestartAfterFrames = 4096;

    // A restart waits for readers with the gate held: briefly, as a long report read must not stop every
    // writer; if the readers are not done by then, a later tick tries again. Only readers already on the
    // log are waited for (new ones read the database file once everything is copied), and SQLite's busy
    // handler sleeps 1, 2, 5, 10 ms…: at 20 ms, restarts held the gate up to 23 ms (p90 7.3); at 3 ms,
    // 8.5 ms at most (p90 6.0), and the log was started over as often (67 against 68 times in 40 s).
    private const int RestartWaitMilliseconds = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
                // One connection for the tick: the restart's short busy timeout is set and reset on it.
                await db.Database.OpenConnectionAsync(stoppingToken);
                try
                {
                    if (await CheckpointAsync(db, "PASSIVE", stoppingToken) >= RestartAfterFrames)
                        await RestartAsync(db, stoppingToken);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checkpointing the SQLite log failed; the next tick tries again");
            }
        }
    }

    /// <summary>Restarts the log holding the write gate, waiting for the readers of the moment only briefly.</summary>
    private static async Task RestartAsync(HallDbContext db, CancellationToken ct)
    {
        await using var gate = await db.HoldWriteGateAsync(WritePriority.Bulk, ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA busy_timeout={RestartWaitMilliseconds};", ct);
            await CheckpointAsync(db, "RESTART", ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(
                $"PRAGMA busy_timeout={SqlitePragmaInterceptor.BusyTimeoutMilliseconds};", CancellationToken.None);
        }
    }

    /// <summary>Runs a checkpoint of <paramref name="mode"/> and gives the frames it found in the log.</summary>
    private static async Task<long> CheckpointAsync(HallDbContext db, string mode, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Its row: busy, frames in the log, frames checkpointed.
        return await reader.ReadAsync(ct) ? reader.GetInt64(1) : 0;
    }
}
