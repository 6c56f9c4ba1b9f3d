using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Realtime;

/// <summary>
/// P6: two app nodes on one PostgreSQL database with the Redis backplane (redis-server on
/// 127.0.0.1:6379, started by test.sh): a ticket issued on one node reaches a screen on the other.
/// </summary>
public sealed class RedisBackplaneTests(PostgresHallApp app) : IClassFixture<PostgresHallApp>
{
    private static readonly string Redis = Environment.GetEnvironmentVariable("SERVICEHALL_TEST_REDIS") ?? "127.0.0.1:6379";

    private WebApplicationFactory<Program> Node() => app.WithWebHostBuilder(b => b.UseSetting("Realtime:Redis", Redis));

    [Fact]
    public async Task TicketIssuedOnOneNode_SeenByScreenOnTheOther()
    {
        var hall = await TestHall.CreateAsync(app);
        using var nodeA = Node();
        using var nodeB = Node();
        await using var screen = await HallHubClient.ConnectAsync(nodeB, hall.Id);

        // The screen's connection is up before its hub has joined the hall's group (and so subscribed to the
        // backplane): issue on node A until one arrives. Without the backplane none ever does.
        var issued = new List<Guid>();
        JsonObject? seen = null;
        for (var attempt = 0; attempt < 20 && seen is null; attempt++)
        {
            var response = await nodeA.CreateClient().PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
            response.EnsureSuccessStatusCode();
            issued.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
            seen = await screen.TryWaitForAsync("TicketIssued", TimeSpan.FromMilliseconds(500));
        }

        Assert.NotNull(seen);
        Assert.Contains(seen["id"]!.GetValue<Guid>(), issued);
    }
}
