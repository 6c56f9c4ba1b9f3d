using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Devices;

/// <summary>P2, S8: enrolment by a one-time code, the device credential, revocation, and each device doing only its job.</summary>
public abstract class DeviceTests(HallApp app)
{
    private async Task<JsonObject> CreateAsync(TestHall hall, object body) =>
        await app.Api("admin").PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/devices", body);

    /// <summary>A browser of its own (its own cookies), as the device is another machine.</summary>
    private HttpClient Browser(bool follow = true) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = follow, HandleCookies = true });

    private async Task<List<JsonObject>> DevicesAsync(TestHall hall) =>
        await app.Api(hall.Supervisor).GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/devices");

    [Fact]
    public async Task Enrol_CodeOnce_DeviceLandsOnItsPageIssuesAndIsOnline()
    {
        var hall = await TestHall.CreateAsync(app);
        var created = await CreateAsync(hall, new { kind = "kiosk", name = "东门取号机" });
        var code = created.Str("code");
        Assert.Matches("^[A-Z2-9]{10}$", code);
        Assert.EndsWith($"/enrol?code={code}", created.Str("link"));
        Assert.Equal("pending", created["device"].Str("state"));

        var kiosk = Browser();
        var landed = await kiosk.GetAsync($"/enrol?code={code}");
        await Expect.StatusAsync(landed, HttpStatusCode.OK);
        Assert.Equal($"/kiosk/{hall.Id}", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var ticket = await kiosk.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        await Expect.StatusAsync(ticket, HttpStatusCode.Created);
        Assert.Equal("kiosk", (await ticket.Content.ReadFromJsonAsync<JsonObject>()).Str("channel"));

        // Single use: a second device with the same link gets nothing, and stays anonymous.
        var again = await Browser().GetAsync($"/enrol?code={code}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("注册码无效", await again.Content.ReadAsStringAsync());

        var listed = Assert.Single(await DevicesAsync(hall), d => d.Str("name") == "东门取号机");
        Assert.Equal("online", listed.Str("state"));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, listed["lastSeenAt"]!.GetValue<DateTime>());
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("offline", Assert.Single(await DevicesAsync(hall), d => d.Str("name") == "东门取号机").Str("state"));
        // The device's next request marks it online again.
        await Expect.StatusAsync(await kiosk.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") }),
            HttpStatusCode.Created);
        Assert.Equal("online", Assert.Single(await DevicesAsync(hall), d => d.Str("name") == "东门取号机").Str("state"));
    }

    [Fact]
    public async Task Enrol_CodeExpiredOrReplaced_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var created = await CreateAsync(hall, new { kind = "display", name = "大屏" });
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser().GetAsync($"/enrol?code={created.Str("code")}")).StatusCode);

        var deviceId = created["device"].Str("id");
        var first = await app.Api("admin").PostOkAsync<JsonObject>($"/api/devices/{deviceId}/enrolment-code");
        var second = await app.Api("admin").PostOkAsync<JsonObject>($"/api/devices/{deviceId}/enrolment-code");
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser().GetAsync($"/enrol?code={first.Str("code")}")).StatusCode);
        var display = await Browser().GetAsync($"/enrol?code={second.Str("code")}");
        await Expect.StatusAsync(display, HttpStatusCode.OK);
        Assert.Equal($"/display/{hall.Id}", display.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Create_BadInput_LocalizedProblems_OnlyAdmins()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "ratingPad", name = "评价器" }),
            HttpStatusCode.BadRequest, "DeviceCounterRequired");
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "ratingPad", name = "评价器", counterId = other.Counters[0] }),
            HttpStatusCode.NotFound, "CounterNotFound");
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "kiosk", name = "取号机", zoneCounters = "1,2" }),
            HttpStatusCode.BadRequest, "DeviceZoneOnlyForDisplay");
        var english = await admin.PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "display", name = "大屏", zoneCounters = "1,x" }, "en");
        Assert.Contains("counter numbers", (await Expect.ProblemAsync(english, HttpStatusCode.BadRequest, "DeviceZoneInvalid")).Str("detail"));
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "kiosk", name = " " }),
            HttpStatusCode.BadRequest, "Required");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Supervisor).PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "kiosk", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync($"/api/halls/{hall.Id}/devices", new { kind = "kiosk", name = "x" })).StatusCode);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"/api/halls/{hall.Id}/devices"), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Kiosk).GetAsync($"/api/halls/{hall.Id}/devices")).StatusCode);
    }

    [Fact]
    public async Task Revoke_DeviceRefusedAtOnce_HubConnectionDropped()
    {
        var hall = await TestHall.CreateAsync(app);
        var created = await CreateAsync(hall, new { kind = "kiosk", name = "将被停用" });
        var kiosk = Browser();
        await Expect.StatusAsync(await kiosk.GetAsync($"/enrol?code={created.Str("code")}"), HttpStatusCode.OK);
        var display = await TestDevices.AddAsync(app, hall.Id, DeviceKind.Display);
        var displayApi = await app.Api(display).SignInAsync();
        var token = displayApi.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"/hubs/hall?hallId={hall.Id}"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync("Ready");

        await Expect.StatusAsync(await app.Api("admin").PostAsync($"/api/devices/{created["device"].Str("id")}/revoke"), HttpStatusCode.NoContent);
        var displayId = (await DevicesAsync(hall)).Single(d => d.Str("kind") == "display").Str("id");
        await Expect.StatusAsync(await app.Api("admin").PostAsync($"/api/devices/{displayId}/revoke"), HttpStatusCode.NoContent);

        var refused = await kiosk.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        await Expect.ProblemAsync(refused, HttpStatusCode.Unauthorized, "DeviceRevoked");
        await Expect.ProblemAsync(await displayApi.GetAsync($"/api/halls/{hall.Id}/queue"), HttpStatusCode.Unauthorized, "DeviceRevoked");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var again = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"/hubs/hall?hallId={hall.Id}"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
        // Nor does its password sign it in again.
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = display, password = "Demo#2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("revoked", (await DevicesAsync(hall)).Single(d => d.Str("id") == displayId).Str("state"));
        await Expect.ProblemAsync(await app.Api("admin").PostAsync($"/api/devices/{displayId}/revoke"), HttpStatusCode.Conflict, "DeviceAlreadyRevoked");
    }

    [Fact]
    public async Task Kiosk_IssuesOnlyForItsHall_NoAppointmentNoRating()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{other.Id}/tickets", new { serviceItemId = other.Item("A") }),
            HttpStatusCode.Forbidden, "OtherHall");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
                new { serviceItemId = hall.Item("A"), appointmentStart = now, appointmentEnd = now.AddMinutes(30) }),
            HttpStatusCode.BadRequest, "AppointmentNotAllowed");
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A"), channel = "appointment" }),
            HttpStatusCode.BadRequest, "AppointmentNotAllowed");
        var done = await FinishedTicketAsync(app, hall);
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/tickets/{done.Id}/rating", new { level = "satisfied" }),
            HttpStatusCode.Forbidden, "DeviceNotItsJob");
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.GetAsync($"/api/counters/{hall.Counters[0]}/rating-pad")).StatusCode);
    }

    [Fact]
    public async Task Display_NeitherIssuesNorRates_ReadsItsHallOrZone()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var display = app.Api(await TestDevices.AddAsync(app, hall.Id, DeviceKind.Display));
        await Expect.ProblemAsync(await display.PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") }),
            HttpStatusCode.Forbidden, "DeviceNotItsJob");
        var done = await FinishedTicketAsync(app, hall);
        await Expect.ProblemAsync(await display.PostAsync($"/api/tickets/{done.Id}/rating", new { level = "satisfied" }),
            HttpStatusCode.Forbidden, "DeviceNotItsJob");
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync($"/display/{hall.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await display.GetAsync($"/display/{other.Id}")).StatusCode);

        var zoned = await CreateAsync(hall, new { kind = "display", name = "一区大屏", zoneCounters = "2, 1" });
        var screen = Browser();
        var landed = await screen.GetAsync($"/enrol?code={zoned.Str("code")}");
        Assert.Equal($"/display/{hall.Id}?counters=1,2", landed.RequestMessage!.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Pad_RatesOnlyItsCounter_IssuesNothing_LandsOnItsPad()
    {
        var hall = await TestHall.CreateAsync(app);
        var padName = await TestDevices.AddAsync(app, hall.Id, DeviceKind.RatingPad, hall.Counters[0]);
        var pad = app.Api(padName);
        var atOtherCounter = await FinishedTicketAsync(app, hall, staff: 1, counter: 1);
        await Expect.ProblemAsync(await pad.PostAsync($"/api/tickets/{atOtherCounter.Id}/rating", new { level = "satisfied" }),
            HttpStatusCode.Forbidden, "DeviceOtherCounter");
        await Expect.ProblemAsync(await pad.GetAsync($"/api/counters/{hall.Counters[1]}/rating-pad"), HttpStatusCode.Forbidden, "DeviceOtherCounter");
        await Expect.ProblemAsync(await pad.PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") }),
            HttpStatusCode.Forbidden, "DeviceNotItsJob");
        var own = await FinishedTicketAsync(app, hall);
        var rating = await pad.PostOkAsync<JsonObject>($"/api/tickets/{own.Id}/rating", new { level = "verySatisfied" });
        Assert.Equal("hallPad", rating.Str("channel"));

        // The pad account signs in and is sent to its own pad.
        await pad.SignInAsync();
        var noFollow = Browser(follow: false);
        noFollow.DefaultRequestHeaders.Authorization = pad.Http.DefaultRequestHeaders.Authorization;
        var home = await noFollow.GetAsync("/device");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/pad/{hall.Counters[0]}", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DemoDevices_AreEnrolledDevicesOfTheDemoHall()
    {
        var demo = await app.DemoHallAsync();
        var devices = await app.WithDbAsync(db => db.Devices.AsNoTracking().Where(d => d.HallId == demo.Id).ToListAsync());
        Assert.Equal([DeviceKind.Kiosk, DeviceKind.Display, .. Enumerable.Repeat(DeviceKind.RatingPad, 6)], devices.Select(d => d.Kind).Order());
        Assert.All(devices, d => Assert.NotNull(d.EnrolledAt));
        // A pad beside every counter, each bound to its own.
        var counters = await app.WithDbAsync(db => db.Counters.AsNoTracking().Where(c => c.HallId == demo.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(counters.Order(), devices.Where(d => d.Kind == DeviceKind.RatingPad).Select(d => d.CounterId!.Value).Order());
        var kiosk = app.Api("kiosk1");
        var item = await app.WithDbAsync(db => db.ServiceItems.Where(i => i.HallId == demo.Id).Select(i => i.Id).FirstAsync());
        Assert.Equal("kiosk", (await kiosk.IssueAsync(demo.Id, item)).Channel);
    }
}

public sealed class SqliteDeviceTests(SqliteHallApp app) : DeviceTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDeviceTests(PostgresHallApp app) : DeviceTests(app), IClassFixture<PostgresHallApp>;
