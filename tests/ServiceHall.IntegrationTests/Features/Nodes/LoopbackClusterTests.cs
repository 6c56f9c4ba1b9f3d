using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.IntegrationTests.Features.Nodes;

/// <summary>
/// P6 end to end on loopback (<see cref="LoopbackCluster"/>): kiosks through nginx, a counter on each node,
/// screens on nginx and on each node: each ticket called once, every event on every screen, one alert per
/// condition, one scan round per period, one anonymous limit for both nodes keyed by the real address,
/// and a token ended on one node refused on the other.
/// </summary>
public sealed class LoopbackClusterTests(LoopbackCluster cluster) : IClassFixture<LoopbackCluster>
{
    private const int Tickets = 16;

    [Fact]
    public async Task Cluster_KiosksCountersAndScreensOnTwoNodes_BehaveAsOneInstallation()
    {
        using var proxy = new HttpClient { BaseAddress = new Uri(cluster.ProxyUrl) };
        var hall = (await proxy.GetFromJsonAsync<JsonArray>("/api/halls"))!.Single(h => h!["name"]!.GetValue<string>() == SeedDemoHall.DemoHallName)!;
        var hallId = hall["id"]!.GetValue<Guid>();
        var counters = (await proxy.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/counters"))!.OrderBy(c => c!["number"]!.GetValue<int>()).ToList();
        var (counter1, counter2) = (counters[0]!, counters[1]!);
        var item = counter1["serviceItemIds"]!.AsArray().Select(i => i!.GetValue<Guid>())
            .First(i => counter2["serviceItemIds"]!.AsArray().Any(j => j!.GetValue<Guid>() == i));

        await using var display = await Screen.ConnectAsync(cluster.ProxyUrl, hallId);
        await using var onNode1 = await Screen.ConnectAsync(cluster.NodeUrls[0], hallId);
        await using var onNode2 = await Screen.ConnectAsync(cluster.NodeUrls[1], hallId);

        // Kiosks through nginx.
        var kiosk = await SignInAsync(cluster.ProxyUrl, "kiosk1");
        var issued = new List<string>();
        for (var n = 0; n < Tickets; n++)
        {
            var response = await kiosk.PostAsJsonAsync($"/api/halls/{hallId}/tickets", new { serviceItemId = item });
            await ExpectAsync(response, HttpStatusCode.Created);
            issued.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>());
        }

        // One alert for the queue over its limit, though both nodes scan it (after changes and on their lease).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1L, await cluster.QueryAsync<long>(
            $"SELECT COUNT(*) FROM \"Alerts\" WHERE \"HallId\" = '{hallId}' AND \"ServiceItemId\" = '{item}' AND \"Kind\" = 'QueueTooLong' AND \"ClearedAt\" IS NULL"));

        // A counter on each node calls until the queue is empty, both at once.
        var staff1 = await SignInAsync(cluster.NodeUrls[0], "staff1");
        var staff2 = await SignInAsync(cluster.NodeUrls[1], "staff2");
        var called = new ConcurrentBag<string>();
        await Task.WhenAll(ServeAllAsync(staff1, counter1["id"]!.GetValue<Guid>(), called), ServeAllAsync(staff2, counter2["id"]!.GetValue<Guid>(), called));
        Assert.Equal(issued.Order(), called.Order());

        // Every screen saw every issue and every call, once.
        foreach (var screen in new[] { display, onNode1, onNode2 })
        {
            await screen.WaitForAsync("TicketCalled", Tickets);
            Assert.Equal(issued.Order(), screen.Numbers("TicketIssued").Order());
            Assert.Equal(issued.Order(), screen.Numbers("TicketCalled").Order());
            Assert.Equal(1, screen.Count("AlertRaised", e => e["kind"]!.GetValue<string>() == "queueTooLong" && e["serviceItemId"]!.GetValue<Guid>() == item));
        }

        // One scan round a second across both nodes (Monitor:ScanSeconds = 1), by one holder.
        const string lease = "SELECT \"Rounds\" FROM \"ScanLeases\" WHERE \"Name\" = 'HallMonitor'";
        var before = await cluster.QueryAsync<long>(lease);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var rounds = await cluster.QueryAsync<long>(lease) - before;
        Assert.InRange(rounds, 2, (long)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1);

        await AnonymousLimitSharedAsync(hallId, item);
        await RevokedOnOneNodeRefusedOnTheOtherAsync();
    }

    /// <summary>Both nodes count one address's anonymous tickets together; through nginx the address is the client's, whatever it claims.</summary>
    private async Task AnonymousLimitSharedAsync(Guid hallId, Guid item)
    {
        // Straight to the nodes, as the proxy would forward a client of this address.
        var address = $"198.51.100.{Random.Shared.Next(1, 255)}";
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < LoopbackCluster.PerAddress + 2; n++)
        {
            using var node = new HttpClient { BaseAddress = new Uri(cluster.NodeUrls[n % 2]) };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{hallId}/tickets") { Content = JsonContent.Create(new { serviceItemId = item }) };
            request.Headers.Add("X-Forwarded-For", address);
            var response = await node.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Equal(DeviceErrorCodes.RateLimitedAddress, (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, LoopbackCluster.PerAddress).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);

        // Through nginx a forged X-Forwarded-For changes nothing: nginx appends the real address, which the node keys on.
        var forged = new List<HttpStatusCode>();
        for (var n = 0; n < LoopbackCluster.PerAddress + 1; n++)
        {
            using var client = new HttpClient { BaseAddress = new Uri(cluster.ProxyUrl) };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{hallId}/tickets") { Content = JsonContent.Create(new { serviceItemId = item }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{n + 1}");
            forged.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, forged[^1]);
    }

    private async Task RevokedOnOneNodeRefusedOnTheOtherAsync()
    {
        var login = await SignInAsync(cluster.NodeUrls[0], "staff3");
        var token = login.DefaultRequestHeaders.Authorization!;
        using var onNode2 = new HttpClient { BaseAddress = new Uri(cluster.NodeUrls[1]) };
        onNode2.DefaultRequestHeaders.Authorization = token;
        const string me = "/api/attendance/me";
        await ExpectAsync(await onNode2.GetAsync(me), HttpStatusCode.OK);

        await ExpectAsync(await login.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent, HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await onNode2.GetAsync(me)).StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static async Task ServeAllAsync(HttpClient staff, Guid counterId, ConcurrentBag<string> called)
    {
        await ExpectAsync(await staff.PostAsync($"/api/counters/{counterId}/open", null), HttpStatusCode.OK);
        while (true)
        {
            var response = await staff.PostAsync($"/api/counters/{counterId}/call-next", null);
            if (response.StatusCode == HttpStatusCode.NoContent)
                return;
            await ExpectAsync(response, HttpStatusCode.OK);
            var ticket = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            called.Add(ticket["number"]!.GetValue<string>());
            var id = ticket["id"]!.GetValue<Guid>();
            await ExpectAsync(await staff.PostAsync($"/api/counters/{counterId}/tickets/{id}/start", null), HttpStatusCode.OK);
            await ExpectAsync(await staff.PostAsync($"/api/counters/{counterId}/tickets/{id}/finish", null), HttpStatusCode.OK);
        }
    }

    private static async Task<HttpClient> SignInAsync(string url, string userName)
    {
        var http = new HttpClient { BaseAddress = new Uri(url) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = SeedDemoHall.DemoPassword });
        await ExpectAsync(response, HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A screen: the official SignalR client on the hall hub over WebSockets, recording every event.</summary>
    private sealed class Screen : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<(string Name, JsonObject Payload)> _events = new();

        private Screen(HubConnection connection)
        {
            _connection = connection;
            foreach (var name in new[] { "TicketIssued", "TicketCalled", "QueueChanged", "AlertRaised", "AlertCleared" })
                _connection.On<JsonElement>(name, payload => _events.Enqueue((name, JsonNode.Parse(payload.GetRawText())!.AsObject())));
        }

        public static async Task<Screen> ConnectAsync(string url, Guid hallId)
        {
            var screen = new Screen(new HubConnectionBuilder().WithUrl($"{url}/hubs/hall?hallId={hallId}").Build());
            await screen._connection.StartAsync();
            await screen._connection.InvokeAsync("Ready");
            return screen;
        }

        public IEnumerable<string> Numbers(string name) => _events.Where(e => e.Name == name).Select(e => e.Payload["number"]!.GetValue<string>());

        public int Count(string name, Func<JsonObject, bool> match) => _events.Count(e => e.Name == name && match(e.Payload));

        public async Task WaitForAsync(string name, int count)
        {
            var clock = Stopwatch.StartNew();
            while (_events.Count(e => e.Name == name) < count && clock.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(50);
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
