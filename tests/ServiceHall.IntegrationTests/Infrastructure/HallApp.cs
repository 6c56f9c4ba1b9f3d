using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a real database of its own (a fresh SQLite file, or a fresh PostgreSQL
/// database) with a fake clock. One per test class; tests create their own halls or tickets.
/// </summary>
public abstract class HallApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>10:00 in Shanghai on a Monday: inside any hall's hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The clock only moves forward: tests set hall hours relative to <see cref="LocalTime"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    public TimeOnly LocalTime => Shanghai.LocalTime(Clock.GetUtcNow().UtcDateTime);
    public DateOnly Today => Shanghai.BusinessDay(Clock.GetUtcNow().UtcDateTime);
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:AnonymousTicketsPerWindow", "100000");
        builder.UseSetting("RateLimits:AnonymousTicketsPerAddress", "100000");
        builder.UseSetting("Auth:TokenMinutes", "100000");
        builder.UseSetting("Monitor:CoalesceMilliseconds", "50");
        builder.UseSetting("Monitor:ScanSeconds", "3600");
        builder.UseSetting("BusinessDay:ScanSeconds", "3600");
        builder.UseSetting("Standards:ScanSeconds", "3600");
        builder.UseSetting("Appointments:ScanSeconds", "3600");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        _ = Server; // starts the host: migrations and demo seed run now
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task<T> WithDbAsync<T>(Func<HallDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<HallDbContext>());
    }

    public Task WithDbAsync(Func<HallDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return 0;
    });

    public ApiClient Api(string? userName = null) => new(this, userName);

    public Task<DemoHall> DemoHallAsync() => WithDbAsync(async db => await DemoHall.LoadAsync(db));
}

public sealed class SqliteHallApp : HallApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"servicehall-test-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_file}";

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}

/// <summary>Unsealed for <c>SeveralNodesApp</c>, the same database with Redis.</summary>
public class PostgresHallApp : HallApp
{
    public static readonly string ServerConnection =
        Environment.GetEnvironmentVariable("SERVICEHALL_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly string _database = $"servicehall_test_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override string ConnectionString => $"{ServerConnection};Database={_database};Maximum Pool Size=64";

    protected override async Task CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection($"{ServerConnection};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{ServerConnection};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
