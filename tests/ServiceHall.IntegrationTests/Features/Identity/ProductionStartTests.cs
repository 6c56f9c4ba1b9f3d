using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>
/// Outside the demo nothing is seeded: the first admin comes from configuration, no demo password works
/// or may even be present, and a start without any administrator says how to create one.
/// </summary>
public sealed class ProductionStartTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    private const string ChiefPassword = "Chief#Admin-2026";

    [Fact]
    public async Task Production_FreshDatabase_OnlyTheConfiguredAdmin()
    {
        await WithFreshDatabaseAsync(async file =>
        {
            using var production = Production(file, ("Bootstrap:AdminUserName", "chief"), ("Bootstrap:AdminPassword", ChiefPassword));
            var client = production.CreateClient();

            var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = SeedDemoHall.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
            var chief = await client.PostAsJsonAsync("/api/auth/login", new { userName = "chief", password = ChiefPassword });
            Assert.Equal(HttpStatusCode.OK, chief.StatusCode);
            Assert.Equal("[]", await client.GetStringAsync("/api/halls"));
            // Nor can an administrator give an account the demo password.
            var token = (await chief.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            await Expect.ProblemAsync(await client.PostAsJsonAsync("/api/admin/users",
                new { userName = "deputy", displayName = "副主任", role = "admin", password = SeedDemoHall.DemoPassword }),
                HttpStatusCode.BadRequest, "PasswordRejected");
            using var scope = production.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            Assert.Equal(["chief"], await db.Users.Select(u => u.UserName!).ToListAsync());
        });
    }

    [Fact]
    public async Task Production_ConfiguredWithTheDemoPassword_RefusesToStart()
    {
        await WithFreshDatabaseAsync(file =>
        {
            using var production = Production(file, ("Bootstrap:AdminUserName", "chief"), ("Bootstrap:AdminPassword", SeedDemoHall.DemoPassword));

            var refused = Record.Exception(() => production.CreateClient());

            Assert.NotNull(refused);
            Assert.Contains("Bootstrap:AdminPassword is the demo password", refused.ToString());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Production_NoAdministratorConfigured_StartsAndLogsHowToCreateOne()
    {
        await WithFreshDatabaseAsync(async file =>
        {
            var log = new CollectingLoggerProvider();
            using var production = Production(file).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));

            var client = production.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            var advice = Assert.Single(log.Messages, m => m.Contains("No administrator account exists"));
            Assert.Contains("Bootstrap__AdminUserName", advice);
            Assert.Contains("Bootstrap__AdminPassword", advice);
        });
    }

    /// <summary>A database that began as the demo (this fixture's) keeps its demo accounts and their published password.</summary>
    [Fact]
    public async Task Production_AccountsWithTheDemoPassword_RefusesToStartNamingThem_UntilTheyAreLocked()
    {
        // The fixture ran in Development, whose key ring is encrypted with the developer's default key file.
        var keyFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ServiceHall", "keys", "keyring.key");
        await FromTheDemoDatabaseAsync(keyFile);
    }

    private async Task FromTheDemoDatabaseAsync(string keyFile)
    {
        using var refusedStart = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("KeyProtection:KeyFile", keyFile);
        });
        var refused = Record.Exception(() => refusedStart.CreateClient());
        Assert.NotNull(refused);
        Assert.Contains("These accounts have the demo password", refused.ToString());
        Assert.Contains("staff1", refused.ToString());

        using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("KeyProtection:KeyFile", keyFile);
            b.UseSetting("Bootstrap:LockDemoPasswordAccounts", "true");
            b.UseSetting("Bootstrap:AdminUserName", "chief");
            b.UseSetting("Bootstrap:AdminPassword", ChiefPassword);
        });
        var client = production.CreateClient();
        foreach (var name in new[] { "admin", "staff1", "kiosk1" })
        {
            var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password = SeedDemoHall.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        }
        var chief = await client.PostAsJsonAsync("/api/auth/login", new { userName = "chief", password = ChiefPassword });
        Assert.Equal(HttpStatusCode.OK, chief.StatusCode);
    }

    private WebApplicationFactory<Program> Production(string file, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={file}");
            b.UseSetting("KeyProtection:KeyFile", file + ".key");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    private static async Task WithFreshDatabaseAsync(Func<string, Task> test)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicehall-prod-{Guid.NewGuid():N}.db");
        try
        {
            await test(file);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".key" })
                File.Delete(file + suffix);
        }
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(CollectingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Messages.Enqueue(formatter(state, exception));
        }
    }
}
