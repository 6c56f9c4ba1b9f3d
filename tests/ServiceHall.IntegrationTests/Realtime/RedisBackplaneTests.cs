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
        // Connected means subscribed to the backplane (the hub's Ready): no pause before issuing.
        await using var screen = await HallHubClient.ConnectAsync(nodeB, hall.Id);

        var response = await nodeA.CreateClient().PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        response.EnsureSuccessStatusCode();
        var ticket = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var seen = await screen.WaitForAsync("TicketIssued");
        Assert.Equal(ticket["id"]!.GetValue<Guid>(), seen["id"]!.GetValue<Guid>());
    }
}
