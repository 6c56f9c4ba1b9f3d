using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Data;

/// <summary>
/// The SQLite log is started over while commits and reads never stop: with passive checkpoints alone
/// a reader always held the last frames, and the log grew with every commit (2.3 GB in 80 s of the
/// benchmark). Without the restart under the write gate this test fails.
/// </summary>
public sealed class SqliteCheckpointerTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    private const int BytesPerCommit = 400 * 1024;

    // The checkpointer looks four times a second, and a fast disk commits a fixed stream in less than that:
    // commit until two restarts are seen, giving up only past bounds a working checkpointer never reaches
    // (a 16 MiB log is started over every ~40 commits).
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private const int MaxCommits = 2_500;

    [Fact]
    public async Task LogUnderEndlessCommitsAndReads_IsStartedOver()
    {
        var file = await app.WithDbAsync(db => Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE \"CheckpointScratch\" (\"Data\" BLOB NOT NULL)"));

        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() => ReadUntilAsync(stop.Token));
        var restartsBefore = LogRestarts(file);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var n = 0; n < MaxCommits && Restarted() < 2 && started.Elapsed < GiveUpAfter; n++)
            {
                await app.WithDbAsync(async db =>
                {
                    await using var write = await db.BeginWriteAsync();
                    await db.Database.ExecuteSqlRawAsync(
                        $"DELETE FROM \"CheckpointScratch\"; INSERT INTO \"CheckpointScratch\" VALUES (randomblob({BytesPerCommit}));");
                    await write.CommitAsync();
                });
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }

        Assert.True(Restarted() >= 2, "The log was not started over twice while commits went on.");

        uint Restarted() => unchecked(LogRestarts(file) - restartsBefore);
    }

    /// <summary>The first salt of the log's header, which SQLite counts up by one at each restart of the log.</summary>
    private static uint LogRestarts(string file)
    {
        using var log = new FileStream(file + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[20];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16));
    }

    private async Task ReadUntilAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            await app.WithDbAsync(db => db.Tickets.CountAsync(CancellationToken.None));
    }
}
