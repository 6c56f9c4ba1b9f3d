using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Devices;

/// <summary>
/// Anonymous issue: per phone (signed cookie + address), a higher ceiling per address, forwarded
/// headers only from configured proxies, 429 with Retry-After and what was limited.
/// </summary>
public abstract class PublicLimitTests(HallApp app)
{
    private const string PeerHeader = "X-Test-Peer";

    /// <summary>The test server has no sockets: a startup filter sets the peer address a request claims in <see cref="PeerHeader"/>.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(context);
            });
            next(builder);
        };
    }

    private WebApplicationFactory<Program> Limited(int perPhone, int perAddress, string? proxy = null) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:AnonymousTicketsPerWindow", perPhone.ToString());
            b.UseSetting("RateLimits:AnonymousTicketsPerAddress", perAddress.ToString());
            if (proxy is not null)
                b.UseSetting("ReverseProxy:KnownProxies:0", proxy);
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()));
        });

    private static HttpClient Phone(WebApplicationFactory<Program> factory, string peer)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, TestHall hall, string? forwardedFor = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{hall.Id}/tickets")
        {
            Content = JsonContent.Create(new { serviceItemId = hall.Item("A") }),
        };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task AnonymousIssue_LimitedPerPhone_WithACeilingPerAddress()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = Limited(perPhone: 2, perAddress: 3);
        var first = Phone(limited, "198.51.100.7");
        await Expect.StatusAsync(await IssueAsync(first, hall), HttpStatusCode.Created);
        await Expect.StatusAsync(await IssueAsync(first, hall), HttpStatusCode.Created);
        var overPhone = await IssueAsync(first, hall, language: "en");
        var problem = await Expect.ProblemAsync(overPhone, HttpStatusCode.TooManyRequests, "RateLimitedPhone");
        Assert.Contains("this phone", problem.Str("detail"));
        Assert.InRange(overPhone.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);

        // Another phone on the same Wi-Fi is not held up by the first one's limit, up to the address's ceiling.
        var second = Phone(limited, "198.51.100.7");
        await Expect.StatusAsync(await IssueAsync(second, hall), HttpStatusCode.Created);
        var overAddress = await IssueAsync(second, hall);
        Assert.True(overAddress.StatusCode == HttpStatusCode.TooManyRequests, await overAddress.Content.ReadAsStringAsync());
        problem = await Expect.ProblemAsync(overAddress, HttpStatusCode.TooManyRequests, "RateLimitedAddress");
        Assert.Contains("当前网络", problem.Str("detail"));
        Assert.NotNull(overAddress.Headers.RetryAfter);

        // A phone elsewhere is untouched; an enrolled kiosk on the crowded address is never limited.
        await Expect.StatusAsync(await IssueAsync(Phone(limited, "198.51.100.8"), hall), HttpStatusCode.Created);
        var kiosk = Phone(limited, "198.51.100.7");
        var login = await kiosk.PostAsJsonAsync("/api/auth/login", new { userName = hall.Kiosk, password = "Demo#2026" });
        kiosk.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>()).Str("accessToken"));
        for (var i = 0; i < 5; i++)
            await Expect.StatusAsync(await IssueAsync(kiosk, hall), HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnonymousIssue_ForgedPhoneCookie_IsANewPhone()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = Limited(perPhone: 1, perAddress: 100);
        var phone = Phone(limited, "198.51.100.20");
        await Expect.StatusAsync(await IssueAsync(phone, hall), HttpStatusCode.Created);
        await Expect.ProblemAsync(await IssueAsync(phone, hall), HttpStatusCode.TooManyRequests, "RateLimitedPhone");
        var forged = limited.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        forged.DefaultRequestHeaders.Add(PeerHeader, "198.51.100.20");
        forged.DefaultRequestHeaders.Add("Cookie", "ServiceHall.Phone=not-a-signed-token");
        var response = await IssueAsync(forged, hall);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ServiceHall.Phone=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedFor_TrustedOnlyFromConfiguredProxies()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = Limited(perPhone: 100, perAddress: 2, proxy: "10.9.0.1");
        // Through the proxy, each citizen's address has its own ceiling (every request a fresh phone, so only the address counts).
        foreach (var citizen in new[] { "203.0.113.5", "203.0.113.6" })
        {
            await Expect.StatusAsync(await IssueAsync(Phone(limited, "10.9.0.1"), hall, citizen), HttpStatusCode.Created);
            await Expect.StatusAsync(await IssueAsync(Phone(limited, "10.9.0.1"), hall, citizen), HttpStatusCode.Created);
        }
        await Expect.ProblemAsync(await IssueAsync(Phone(limited, "10.9.0.1"), hall, "203.0.113.5"), HttpStatusCode.TooManyRequests, "RateLimitedAddress");

        // From anyone else the header is ignored: changing it does not escape the sender's own ceiling.
        await Expect.StatusAsync(await IssueAsync(Phone(limited, "10.9.0.77"), hall, "203.0.113.40"), HttpStatusCode.Created);
        await Expect.StatusAsync(await IssueAsync(Phone(limited, "10.9.0.77"), hall, "203.0.113.41"), HttpStatusCode.Created);
        await Expect.ProblemAsync(await IssueAsync(Phone(limited, "10.9.0.77"), hall, "203.0.113.42"), HttpStatusCode.TooManyRequests, "RateLimitedAddress");
    }

    [Fact]
    public async Task ForwardedFor_NoProxyConfigured_Ignored()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = Limited(perPhone: 100, perAddress: 1);
        await Expect.StatusAsync(await IssueAsync(Phone(limited, "127.0.0.1"), hall, "203.0.113.50"), HttpStatusCode.Created);
        // Loopback is not trusted by default either: a process on the same machine cannot pose as the hall's citizens.
        await Expect.ProblemAsync(await IssueAsync(Phone(limited, "127.0.0.1"), hall, "203.0.113.51"), HttpStatusCode.TooManyRequests, "RateLimitedAddress");
    }
}

public sealed class SqlitePublicLimitTests(SqliteHallApp app) : PublicLimitTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPublicLimitTests(PostgresHallApp app) : PublicLimitTests(app), IClassFixture<PostgresHallApp>;
