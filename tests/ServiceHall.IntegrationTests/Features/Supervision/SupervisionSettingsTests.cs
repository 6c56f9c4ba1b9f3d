using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class SupervisionSettingsTests(HallApp app)
{
    private static object Settings(int callback = 1, int rectify = 15, int window = 72, int early = 10, bool deem = false, int? deemDays = null) => new
    {
        ratingWindowHours = window, callbackWorkingDays = callback, rectifyWorkingDays = rectify, complaintAssignWorkingDays = 1,
        complaintReplyWorkingDays = 5, complaintCloseWorkingDays = 10, earlyArrivalMinutes = early, defaultRatingEnabled = deem,
        defaultRatingAfterDays = deemDays,
    };

    [Fact]
    public async Task Defaults_ThenAdminSetsHallRules_NewFollowUpsAndLimitsUseThem()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var supervisor = app.Api(hall.Supervisor);
        var url = $"/api/halls/{hall.Id}/supervision-settings";
        var defaults = await supervisor.GetOkAsync<JsonObject>(url);
        Assert.False(defaults["custom"]!.GetValue<bool>());
        Assert.Equal(15, defaults["rectifyWorkingDays"]!.GetValue<int>());
        Assert.Null(defaults["defaultRatingAfterDays"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsync(url, Settings())).StatusCode);
        var admin = app.Api("admin");
        await Expect.ProblemAsync(await admin.PutAsync(url, Settings(rectify: 16)), HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await admin.PutAsync(url, Settings(rectify: 1)), HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await admin.PutAsync(url, Settings(deem: true)), HttpStatusCode.BadRequest, "Required");
        var saved = await admin.PutOkAsync<JsonObject>(url, Settings(callback: 2, rectify: 3, deem: true, deemDays: 7));
        Assert.True(saved["custom"]!.GetValue<bool>());
        Assert.Equal(7, (await supervisor.GetOkAsync<JsonObject>(url))["defaultRatingAfterDays"]!.GetValue<int>());
        // Another hall keeps the configured defaults.
        Assert.False((await app.Api(other.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{other.Id}/supervision-settings"))["custom"]!.GetValue<bool>());

        var ticket = await FinishedTicketAsync(app, hall);
        var rating = await app.Api().PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, ticket.Id), new { level = "veryDissatisfied" });
        var followUp = await supervisor.GetOkAsync<JsonObject>($"/api/rating-follow-ups/{rating["followUpId"]}");
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 2)), followUp.Str("callbackDue"));
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 3)), followUp.Str("resolveDue"));
        var baseUrl = $"/api/rating-follow-ups/{rating["followUpId"]}";
        await supervisor.PostOkAsync<JsonObject>($"{baseUrl}/callback", new { note = "已回访" });
        var owner = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await Expect.ProblemAsync(await supervisor.PostAsync($"{baseUrl}/verify", new { confirmed = true, note = "属实", ownerUserId = owner, rectifyWorkingDays = 4 }),
            HttpStatusCode.BadRequest, "OutOfRange");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(other.Supervisor).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task EarlyArrivalAndRatingWindow_PerHall()
    {
        var now = app.LocalTime;
        var opens = new TimeOnly(now.Hour, now.Minute).AddMinutes(20);
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.OpensAt = opens;
            h.ClosesAt = opens.AddHours(6);
        });
        // 30 minutes early by the hall's rule: 20 minutes before opening is already 10 minutes late.
        await app.Api("admin").PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/supervision-settings", Settings(early: 30));
        var signedIn = await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.Equal(10, signedIn["lateMinutes"]!.GetValue<int>());
        var report = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily");
        Assert.Equal("late", report["staff"]!.AsArray().Single(r => r.Str("name") == hall.Staff[0])!.Str("status"));

        // Tickets need the hall open: a hall of usual hours with a one-hour rating window.
        var open = await TestHall.CreateAsync(app);
        await app.Api("admin").PutOkAsync<JsonObject>($"/api/halls/{open.Id}/supervision-settings", Settings(window: 1));
        var ticket = await FinishedTicketAsync(app, open);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await Expect.ProblemAsync(await app.Api().PostAsync(await SupervisionFlows.RatingUrlAsync(app, ticket.Id), new { level = "satisfied" }),
            HttpStatusCode.Conflict, "RatingWindowPassed");
    }
}

public sealed class SqliteSupervisionSettingsTests(SqliteHallApp app) : SupervisionSettingsTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSupervisionSettingsTests(PostgresHallApp app) : SupervisionSettingsTests(app), IClassFixture<PostgresHallApp>;
