using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>
/// P2: wrong passwords slow sign-in per address and per user name instead of locking accounts, and no
/// answer tells whether a name exists. Each test signs in from addresses of its own.
/// </summary>
public abstract class SignInThrottleTests(HallApp app)
{
    private const string PeerHeader = "X-Test-Peer";
    private const string Wrong = "Wrong#Pass-1";
    private static readonly ConcurrentDictionary<HallApp, WebApplicationFactory<Program>> Peered = new();

    /// <summary>The test server has no sockets: the peer address a request claims in <see cref="PeerHeader"/>.</summary>
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

    // One derived app per fixture; the fixture disposes it with itself.
    private WebApplicationFactory<Program> Factory => Peered.GetOrAdd(app, a =>
        a.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()))));

    private static string NewPeer() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Task<HttpResponseMessage> SignInAsync(string peer, string userName, string password)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client.PostAsJsonAsync("/api/auth/login", new { userName, password });
    }

    /// <summary>Status, content type and body, without the trace id that differs on every response.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.RetryAfter} {body.ToJsonString()}";
    }

    [Fact]
    public async Task UnknownNameWrongPasswordAndLockedAccount_AnsweredAlike()
    {
        var hall = await TestHall.CreateAsync(app);
        var lockedId = await TestHall.UserIdAsync(app, hall.Staff[1]);
        await app.Api("admin").PostOkAsync<JsonObject>($"/api/admin/users/{lockedId}/lock");

        var unknown = await SignInAsync(NewPeer(), "nobody-" + Guid.NewGuid().ToString("N")[..8], Wrong);
        var wrong = await SignInAsync(NewPeer(), hall.Staff[0], Wrong);
        var locked = await SignInAsync(NewPeer(), hall.Staff[1], SeedDemoHall.DemoPassword);

        var answer = await AnswerAsync(unknown);
        Assert.Equal(answer, await AnswerAsync(wrong));
        Assert.Equal(answer, await AnswerAsync(locked));
        await Expect.ProblemAsync(unknown, HttpStatusCode.Unauthorized, "InvalidCredentials");
    }

    [Fact]
    public async Task UserName_AfterThreeFailures_WaitsFromEveryAddress_AlikeForUnknownNames_ThenTheRightPasswordWorks()
    {
        var hall = await TestHall.CreateAsync(app);
        var known = hall.Staff[0];
        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { known, unknown })
        {
            for (var i = 0; i < 3; i++)
                await Expect.ProblemAsync(await SignInAsync(NewPeer(), name, Wrong), HttpStatusCode.Unauthorized, "InvalidCredentials");
        }

        var knownWaits = await SignInAsync(NewPeer(), known, SeedDemoHall.DemoPassword);
        var unknownWaits = await SignInAsync(NewPeer(), unknown, Wrong);
        Assert.Equal(await AnswerAsync(knownWaits), await AnswerAsync(unknownWaits));
        await Expect.ProblemAsync(knownWaits, HttpStatusCode.TooManyRequests, "SignInThrottled");
        Assert.Equal(TimeSpan.FromSeconds(2), knownWaits.Headers.RetryAfter!.Delta);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await Expect.StatusAsync(await SignInAsync(NewPeer(), known, SeedDemoHall.DemoPassword), HttpStatusCode.OK);
    }

    [Fact]
    public async Task UserName_EachFailureAfterTheWaitDoublesIt()
    {
        var hall = await TestHall.CreateAsync(app);
        var name = hall.Staff[0];
        for (var i = 0; i < 3; i++)
            await SignInAsync(NewPeer(), name, Wrong);
        foreach (var seconds in new[] { 2, 4, 8 })
        {
            var waits = await SignInAsync(NewPeer(), name, Wrong);
            await Expect.ProblemAsync(waits, HttpStatusCode.TooManyRequests, "SignInThrottled");
            Assert.Equal(TimeSpan.FromSeconds(seconds), waits.Headers.RetryAfter!.Delta);
            app.Clock.Advance(TimeSpan.FromSeconds(seconds));
            await Expect.ProblemAsync(await SignInAsync(NewPeer(), name, Wrong), HttpStatusCode.Unauthorized, "InvalidCredentials");
        }
    }

    [Fact]
    public async Task Address_AfterTenFailures_WaitsForEveryName_OtherAddressesDoNot()
    {
        var hall = await TestHall.CreateAsync(app);
        var peer = NewPeer();
        for (var i = 0; i < 10; i++)
            await Expect.ProblemAsync(await SignInAsync(peer, $"guess-{i}-{Guid.NewGuid():N}", Wrong), HttpStatusCode.Unauthorized);

        var waits = await SignInAsync(peer, hall.Staff[0], SeedDemoHall.DemoPassword);
        await Expect.ProblemAsync(waits, HttpStatusCode.TooManyRequests, "SignInThrottled");
        Assert.NotNull(waits.Headers.RetryAfter?.Delta);
        await Expect.StatusAsync(await SignInAsync(NewPeer(), hall.Staff[0], SeedDemoHall.DemoPassword), HttpStatusCode.OK);

        app.Clock.Advance(waits.Headers.RetryAfter!.Delta!.Value);
        await Expect.StatusAsync(await SignInAsync(peer, hall.Staff[1], SeedDemoHall.DemoPassword), HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeviceAccount_ManyWrongPasswords_NeverLockedAndItsSignInKeepsWorking()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = await app.Api(hall.Kiosk).SignInAsync();
        for (var i = 0; i < 12; i++)
            await SignInAsync(NewPeer(), hall.Kiosk, Wrong);

        // The kiosk's own sign-in goes on issuing tickets; its account is not locked.
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == hall.Kiosk).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.StatusAsync(await SignInAsync(NewPeer(), hall.Kiosk, SeedDemoHall.DemoPassword), HttpStatusCode.OK);
    }
}

public sealed class SqliteSignInThrottleTests(SqliteHallApp app) : SignInThrottleTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSignInThrottleTests(PostgresHallApp app) : SignInThrottleTests(app), IClassFixture<PostgresHallApp>;
