using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>Wrong roles, wrong ids, bad bodies: each a clear problem in the caller's language, nothing written.</summary>
public abstract class AccessAndInputTests(HallApp app)
{
    [Fact]
    public async Task Login_DemoAccount_ReturnsBearerToken()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "supervisor", password = "Demo#2026" });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["accessToken"]!.GetValue<string>()));
        Assert.True(body["expiresIn"]!.GetValue<long>() > 0);
    }

    [Theory]
    [InlineData("zh-CN", "用户名或密码错误。")]
    [InlineData("en", "Wrong user name or password.")]
    public async Task Login_WrongPassword_UnauthorizedInRequestLanguage(string language, string detail)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = "staff3", password = "wrong-password" }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await Expect.ProblemAsync(await app.CreateClient().SendAsync(request), HttpStatusCode.Unauthorized, "InvalidCredentials");
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    [InlineData("display1", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task CounterActions_WithoutStaffRole_Refused(string? user, HttpStatusCode expected)
    {
        var hall = await app.DemoHallAsync();
        var client = app.Api(user);
        foreach (var path in new[] { "open", "close", "pause", "resume", "call-next", $"tickets/{Guid.NewGuid()}/start" })
            await Expect.ProblemAsync(await client.PostAsync($"/api/counters/{hall.Counter(1)}/{path}", new { reason = "x" }), expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("staff2", HttpStatusCode.Forbidden)]
    [InlineData("display1", HttpStatusCode.Forbidden)]
    public async Task SupervisorRoutes_WithoutSupervisorRole_Refused(string? user, HttpStatusCode expected)
    {
        var hall = await app.DemoHallAsync();
        var client = app.Api(user);
        await Expect.ProblemAsync(await client.GetAsync($"/api/halls/{hall.Id}/alerts"), expected);
        await Expect.ProblemAsync(await client.PostAsync($"/api/halls/{hall.Id}/business-days/2026-11-23/close"), expected);
    }

    [Fact]
    public async Task Requeue_ByDisplayOrAnonymous_Refused()
    {
        await Expect.ProblemAsync(await app.Api().PostAsync($"/api/tickets/{Guid.NewGuid()}/requeue"), HttpStatusCode.Unauthorized);
        await Expect.ProblemAsync(await app.Api("display1").PostAsync($"/api/tickets/{Guid.NewGuid()}/requeue"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WrongIds_NotFoundProblems()
    {
        var hall = await app.DemoHallAsync();
        var anonymous = app.Api();
        var staff = app.Api("staff3");
        var unknown = Guid.NewGuid();
        await Expect.ProblemAsync(await anonymous.GetAsync($"/api/halls/{unknown}/service-items"), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await anonymous.GetAsync($"/api/halls/{unknown}/counters"), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await anonymous.GetAsync($"/api/halls/{unknown}/queue"), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await anonymous.GetAsync($"/api/tickets/{unknown}"), HttpStatusCode.NotFound, "TicketNotFound");
        await Expect.ProblemAsync(await anonymous.PostAsync($"/api/halls/{unknown}/tickets", new { serviceItemId = hall.Item("A") }), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await anonymous.PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = unknown }), HttpStatusCode.NotFound, "ServiceItemNotFound");
        await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{unknown}/open"), HttpStatusCode.NotFound, "CounterNotFound");
        await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{unknown}/call-next"), HttpStatusCode.NotFound, "CounterNotFound");
        await Expect.ProblemAsync(await anonymous.GetAsync("/api/tickets/not-a-guid"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await anonymous.GetAsync("/api/no-such-route"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TicketOfAnotherCounter_ActionRefused()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var one = app.Api(hall.Staff[0]);
        var two = app.Api(hall.Staff[1]);
        await one.OpenAsync(hall.Counters[0]);
        await two.OpenAsync(hall.Counters[1]);
        await one.CallNextAsync(hall.Counters[0]);
        var response = await two.PostAsync($"/api/counters/{hall.Counters[1]}/tickets/{ticket.Id}/start");
        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "TicketNotAtCounter");
        var unknown = await two.PostAsync($"/api/counters/{hall.Counters[1]}/tickets/{Guid.NewGuid()}/start");
        await Expect.ProblemAsync(unknown, HttpStatusCode.NotFound, "TicketNotFound");
    }

    [Theory]
    [InlineData("{\"serviceItemId\":", "MalformedJson")]
    [InlineData("{\"serviceItemId\":\"not-a-guid\"}", "MalformedJson")]
    [InlineData("{\"serviceItemId\":\"01a20a1f-223b-7587-8786-8275a69a26ea\",\"priority\":\"vip\"}", "MalformedJson")]
    [InlineData("{\"serviceItemId\":\"01a20a1f-223b-7587-8786-8275a69a26ea\",\"priority\":3}", "MalformedJson")]
    [InlineData("{}", "Required")]
    [InlineData("{\"serviceItemId\":\"01a20a1f-223b-7587-8786-8275a69a26ea\",\"channel\":\"transfer\"}", "InvalidChannel")]
    [InlineData("[]", "MalformedJson")]
    public async Task Issue_BadBody_BadRequestAndNothingWritten(string body, string code)
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await app.Api(hall.Kiosk).Http.PostAsync($"/api/halls/{hall.Id}/tickets", new StringContent(body, Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));
    }

    [Fact]
    public async Task Issue_NoBodyOrWrongContentType_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var client = app.CreateClient();
        var none = await client.PostAsync($"/api/halls/{hall.Id}/tickets", null);
        Assert.True(none.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, none.StatusCode.ToString());
        var text = await client.PostAsync($"/api/halls/{hall.Id}/tickets", new StringContent("A", Encoding.UTF8, "text/plain"));
        Assert.True(text.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, text.StatusCode.ToString());
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizeBody_PayloadTooLarge()
    {
        var hall = await TestHall.CreateAsync(app);
        var huge = "{\"serviceItemId\":\"" + new string('x', 100_000) + "\"}";
        var response = await app.CreateClient().PostAsync($"/api/halls/{hall.Id}/tickets", new StringContent(huge, Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "BodyTooLarge");
    }

    [Fact]
    public async Task Pause_OverlongReason_BadRequestAndCounterStaysOpen()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var response = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/pause", new { reason = new string('因', 201) }, "en");
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "TooLong");
        Assert.Contains("200", problem["detail"]!.GetValue<string>());
        Assert.Null(await app.WithDbAsync(db => db.CounterSessions.Where(s => s.CounterId == hall.Counters[0] && s.ClosedAt == null)
            .Select(s => s.PausedAt).SingleAsync()));
    }

    [Fact]
    public async Task Issue_AnonymousOverLimit_TooManyRequests_KioskNotLimited()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:AnonymousTicketsPerWindow", "2"));
        var client = limited.CreateClient();
        var body = new { serviceItemId = hall.Item("A") };
        await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body), HttpStatusCode.Created);
        await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body), HttpStatusCode.Created);
        // The client keeps the phone's signed cookie, so the third ticket is over this phone's limit.
        var refused = await client.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body);
        await Expect.ProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimitedPhone");
        Assert.NotNull(refused.Headers.RetryAfter);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = hall.Kiosk, password = "Demo#2026" });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        for (var i = 0; i < 5; i++)
            await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task OpenApiAndHealth_Available()
    {
        var client = app.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/counters/{counterId}/call-next", openApi);
        Assert.Contains("/api/halls/{hallId}/tickets", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
    }
}

public sealed class SqliteAccessAndInputTests(SqliteHallApp app) : AccessAndInputTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAccessAndInputTests(PostgresHallApp app) : AccessAndInputTests(app), IClassFixture<PostgresHallApp>;
