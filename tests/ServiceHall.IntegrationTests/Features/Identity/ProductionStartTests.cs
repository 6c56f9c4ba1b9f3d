using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Data;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>Outside the demo nothing is seeded: the first admin comes from configuration, no demo password works.</summary>
public sealed class ProductionStartTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    [Fact]
    public async Task Production_FreshDatabase_OnlyTheConfiguredAdmin()
    {
        var file = Path.Combine(Path.GetTempPath(), $"servicehall-prod-{Guid.NewGuid():N}.db");
        try
        {
            using var production = app.WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={file}");
                b.UseSetting("Bootstrap:AdminUserName", "chief");
                b.UseSetting("Bootstrap:AdminPassword", "Chief#Admin-2026");
                b.UseSetting("KeyProtection:KeyFile", file + ".key");
            });
            var client = production.CreateClient();

            var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "Demo#2026" });
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
            var chief = await client.PostAsJsonAsync("/api/auth/login", new { userName = "chief", password = "Chief#Admin-2026" });
            Assert.Equal(HttpStatusCode.OK, chief.StatusCode);
            Assert.Equal("[]", await client.GetStringAsync("/api/halls"));
            using var scope = production.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            Assert.Equal(["chief"], await db.Users.Select(u => u.UserName!).ToListAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".key" })
                File.Delete(file + suffix);
        }
    }
}
