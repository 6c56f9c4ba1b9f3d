using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Nodes;

/// <summary>P6: nodes that start together on a fresh PostgreSQL database all come up, migrated and seeded once.</summary>
public sealed class MigrationLockTests : IAsyncLifetime
{
    private readonly string _database = $"servicehall_test_{Guid.NewGuid():N}";

    private string ConnectionString => $"{PostgresHallApp.ServerConnection};Database={_database}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    /// <summary>The database made empty by the operator, or left for the first start to create.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Start_ThreeNodesAtOnceOnAFreshDatabase_AllUpWithOneDemoHall(bool createdByOperator)
    {
        if (createdByOperator)
            await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        var nodes = Enumerable.Range(0, 3).Select(_ => new FreshNode(ConnectionString)).ToList();
        try
        {
            // Each host migrates and seeds as it starts, on a thread of its own, all at once.
            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Server)));

            foreach (var node in nodes)
                (await node.CreateClient().GetAsync("/health/ready")).EnsureSuccessStatusCode();
            using var scope = nodes[0].Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            Assert.Equal(1, await db.Halls.CountAsync(h => h.Name == SeedDemoHall.DemoHallName));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{PostgresHallApp.ServerConnection};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FreshNode(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
