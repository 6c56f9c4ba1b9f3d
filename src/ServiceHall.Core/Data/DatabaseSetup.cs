using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceHall.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from <c>Database:Provider</c> and its migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "ServiceHall.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ServiceHall.Migrations.Postgres";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider '{name}' is not supported; use 'Sqlite' or 'Postgres'.");
    }

    public static IServiceCollection AddHallDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(provider.ToString())
            ?? throw new InvalidOperationException($"ConnectionStrings:{provider} is not set.");
        var synchronous = configuration["Database:SqliteSynchronous"] ?? "FULL";
        services.AddDbContextPool<HallDbContext>(options => Configure(options, provider, connectionString, synchronous));
        if (provider == DatabaseProvider.Sqlite)
            services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        string sqliteSynchronous = "FULL")
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(new SqlitePragmaInterceptor(sqliteSynchronous));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }

    /// <summary>Applies pending migrations; on SQLite switches the file to WAL first.</summary>
    public static async Task MigrateAsync(HallDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && file != ":memory:")
            Directory.CreateDirectory(directory);
    }
}
