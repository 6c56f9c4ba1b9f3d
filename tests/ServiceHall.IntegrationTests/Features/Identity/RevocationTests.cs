using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Identity;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>
/// P2: logout, lock, role change, hall change and password reset end the account's earlier bearer tokens
/// and cookies within the revalidation interval, on every node (each reads the stamp from the database).
/// </summary>
public abstract class RevocationTests(HallApp app)
{
    private const string StaffRoute = "/api/attendance/me";
    private const string NewPassword = "Fresh#Pass-2026";

    private ApiClient Admin => app.Api("admin");

    private TimeSpan Window => app.Services.GetRequiredService<AccountSessions>().Interval + TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("logout")]
    [InlineData("lock")]
    [InlineData("role")]
    [InlineData("hall")]
    [InlineData("password")]
    public async Task AccountAction_OldTokenAndCookieRefusedOnceTheIntervalHasPassed(string action)
    {
        var hall = await TestHall.CreateAsync(app);
        var name = hall.Staff[0];
        var userId = await TestHall.UserIdAsync(app, name);
        var token = await TokenAsync(app, name);
        var cookie = await CookieAsync(app, name);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(StaffRoute)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(StaffRoute)).StatusCode);

        switch (action)
        {
            case "logout":
                await Expect.StatusAsync(await token.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);
                break;
            case "lock":
                await Admin.PostOkAsync<JsonObject>($"/api/admin/users/{userId}/lock");
                break;
            case "role":
                await Admin.PutOkAsync<JsonObject>($"/api/admin/users/{userId}",
                    new { displayName = name, badgeNumber = "9001", role = "supervisor", hallId = hall.Id });
                break;
            case "hall":
                var other = await TestHall.CreateAsync(app);
                await Admin.PutOkAsync<JsonObject>($"/api/admin/users/{userId}",
                    new { displayName = name, badgeNumber = "8001", role = "staff", hallId = other.Id });
                break;
            case "password":
                await Expect.StatusAsync(await Admin.PostAsync($"/api/admin/users/{userId}/password", new { password = NewPassword }),
                    HttpStatusCode.NoContent);
                break;
        }
        app.Clock.Advance(Window);

        await Expect.StatusAsync(await token.GetAsync(StaffRoute), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await cookie.GetAsync(StaffRoute), HttpStatusCode.Unauthorized);
        if (action != "lock")
        {
            // The account itself goes on: signing in again gives a token that works.
            var again = await TokenAsync(app, name, action == "password" ? NewPassword : SeedDemoHall.DemoPassword);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(StaffRoute)).StatusCode);
        }
    }

    [Fact]
    public async Task LockedSupervisor_OldToken_NoLongerRevealsAComplainantsPhone()
    {
        var hall = await TestHall.CreateAsync(app);
        var receipt = await JsonAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel = "phone", title = "办事时间过长", content = "等了一个小时", anonymous = false, complainantName = "张三丰",
            contactPhone = "13812345678", subject = "hall",
        }), HttpStatusCode.Created);
        var contact = $"/api/complaints/{receipt.Str("id")}/contact";
        var supervisor = await TokenAsync(app, hall.Supervisor);
        var revealed = await JsonAsync(await supervisor.PostAsJsonAsync(contact, new { purpose = "回访投诉人" }), HttpStatusCode.OK);
        Assert.Equal("13812345678", revealed.Str("phone"));

        var supervisorId = await TestHall.UserIdAsync(app, hall.Supervisor);
        await Admin.PostOkAsync<JsonObject>($"/api/admin/users/{supervisorId}/lock");
        app.Clock.Advance(Window);

        var refused = await supervisor.PostAsJsonAsync(contact, new { purpose = "回访投诉人" });
        await Expect.StatusAsync(refused, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("13812345678", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountLockedOnOneNode_ItsTokenAndCookieRefusedOnAnother()
    {
        var hall = await TestHall.CreateAsync(app);
        var name = hall.Staff[1];
        // A second host on the same database is a second node: its own caches, the same keys and accounts.
        var nodeB = app.WithWebHostBuilder(_ => { });
        var token = await TokenAsync(app, name);
        var cookie = await CookieAsync(nodeB, name);
        token = Rebase(nodeB, token);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(StaffRoute)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(StaffRoute)).StatusCode);

        await Admin.PostOkAsync<JsonObject>($"/api/admin/users/{await TestHall.UserIdAsync(app, name)}/lock");
        app.Clock.Advance(Window);

        await Expect.StatusAsync(await token.GetAsync(StaffRoute), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await cookie.GetAsync(StaffRoute), HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpClient> TokenAsync(WebApplicationFactory<Program> factory, string userName,
        string password = SeedDemoHall.DemoPassword)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpClient> CookieAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = SeedDemoHall.DemoPassword });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return client;
    }

    /// <summary>A client of <paramref name="factory"/> carrying the same bearer token.</summary>
    private static HttpClient Rebase(WebApplicationFactory<Program> factory, HttpClient signedIn)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }
}

public sealed class SqliteRevocationTests(SqliteHallApp app) : RevocationTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRevocationTests(PostgresHallApp app) : RevocationTests(app), IClassFixture<PostgresHallApp>;
