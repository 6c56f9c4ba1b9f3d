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
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checkpointing the SQLite log failed; the next tick tries again");
            }
        }
    }
}
