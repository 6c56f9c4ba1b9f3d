using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>Each provider's migrations match the model: nobody changed an entity without adding a migration.</summary>
public abstract class MigrationTests(HallApp app)
{
    [Fact]
    public async Task Model_AfterMigrations_HasNoPendingChanges()
    {
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}

public sealed class SqliteMigrationTests(SqliteHallApp app) : MigrationTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresMigrationTests(PostgresHallApp app) : MigrationTests(app), IClassFixture<PostgresHallApp>;
