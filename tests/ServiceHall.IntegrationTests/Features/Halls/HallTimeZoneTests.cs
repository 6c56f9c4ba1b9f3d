using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Cases;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>
/// P4: every time a person reads is in the hall's zone, whatever the server's. ./test.sh runs the tests with
/// TZ=UTC, so a page that used the server's zone would show 00:04 where the hall (Asia/Shanghai) reads 08:04.
/// Each test moves the clock to 00:04 UTC of a later day.
/// </summary>
public abstract class HallTimeZoneTests(HallApp app)
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>00:04 UTC of the next day: 08:04 in Shanghai.</summary>
    private DateTime AtFourPastMidnightUtc()
    {
        var next = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddMinutes(4);
        app.Clock.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
        return next;
    }

    private static DateTime Shanghai(DateTime utc) => utc.AddHours(8);

    /// <summary>The short date-and-time staff pages write ("g" of zh-CN), in Shanghai and as the server's UTC would have it.</summary>
    private static (string Hall, string Utc) G(DateTime utc) => (Shanghai(utc).ToString("g", Zh), utc.ToString("g", Zh));

    private async Task<string> PageAsync(ApiClient user, string url)
    {
        var response = await user.GetAsync(url, "zh-CN");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InquiriesPage_PromiseAndForward_InHallZone()
    {
        var utc = AtFourPastMidnightUtc();
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var inquiry = await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries", new
        {
            question = "社保转移需要哪些材料？", channel = "onSite", contact = "13812345678", promisedReplyAt = utc.AddHours(1),
        });
        await staff.PostOkAsync<JsonObject>($"/api/inquiries/{inquiry.Str("id")}/forward", new
        {
            reason = "notOurResponsibility", acceptingBody = "市社保局", note = "不属本中心",
        });
        var html = await PageAsync(staff, "/inquiries");
        Assert.Contains(G(utc.AddHours(1)).Hall, html);
        Assert.DoesNotContain(G(utc.AddHours(1)).Utc, html);
        Assert.Contains(G(utc).Hall, html);
    }

    [Fact]
    public async Task CasePageAndReceipt_InHallZone()
    {
        var utc = AtFourPastMidnightUtc();
        var served = await CaseFlowTests.ServeAsync(app);
        var registered = await CaseFlowTests.RegisterAsync(served, served.Materials[0], served.Materials[1]);
        var caseId = registered.Str("id");
        await served.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/accept", new { });

        var page = await PageAsync(served.Staff, $"/cases/{caseId}");
        Assert.Contains(G(utc).Hall, page);
        Assert.DoesNotContain(G(utc).Utc, page);
        var receipt = await PageAsync(served.Staff, $"/cases/{caseId}/receipt");
        Assert.Contains(Shanghai(utc).ToString("D", Zh) + " 08:04", receipt);
        Assert.DoesNotContain(" 00:04", receipt);
    }

    [Fact]
    public async Task ComplaintPage_InHallZone()
    {
        var utc = AtFourPastMidnightUtc();
        var hall = await TestHall.CreateAsync(app);
        var receipt = await SupervisionFlows.JsonAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel = "phone", title = "办事时间过长", content = "等了一个小时", anonymous = true, subject = "hall",
        }), HttpStatusCode.Created);
        var html = await PageAsync(app.Api(hall.Supervisor), $"/supervision/complaints/{receipt.Str("id")}");
        Assert.Contains(G(utc).Hall, html);
        Assert.DoesNotContain(G(utc).Utc, html);
    }

    [Fact]
    public async Task FollowUpPage_InHallZone()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await SupervisionFlows.FinishedTicketAsync(app, hall);
        var utc = AtFourPastMidnightUtc();
        // Hours after the service: the citizen rates from the phone (the pad only within minutes of the finish).
        var rating = await app.Api().PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, ticket.Id), new { level = "dissatisfied" });
        var html = await PageAsync(app.Api(hall.Supervisor), $"/supervision/follow-ups/{rating["followUpId"]}");
        Assert.Contains(G(utc).Hall, html);
        Assert.DoesNotContain(G(utc).Utc, html);
    }

    [Fact]
    public async Task AttendanceOnCounterPageAndReport_InHallZone()
    {
        var hall = await TestHall.CreateAsync(app);
        AtFourPastMidnightUtc();
        var staff = app.Api(hall.Staff[0]);
        var signedIn = await staff.PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.StartsWith("08:04", signedIn.Str("signedInLocal"));
        var counter = await PageAsync(staff, "/counter");
        Assert.Contains("08:04", counter);
        Assert.DoesNotContain("00:04", counter);
        var supervision = await PageAsync(app.Api(hall.Supervisor), "/supervision");
        Assert.Contains("08:04", supervision);
    }

    [Fact]
    public async Task GiftsExport_InHallZone()
    {
        var utc = AtFourPastMidnightUtc();
        var hall = await TestHall.CreateAsync(app);
        var today = DateOnly.FromDateTime(Shanghai(utc));
        await SupervisionFlows.JsonAsync(await app.Api(hall.Staff[0]).PostAsync("/api/gifts", new
        {
            giver = "某企业", description = "茶叶一盒", estimatedValue = 100m, receivedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            handling = "handedIn",
        }), HttpStatusCode.Created);
        var export = await app.Api(hall.Supervisor).GetAsync($"/api/halls/{hall.Id}/gifts/export");
        await Expect.StatusAsync(export, HttpStatusCode.OK);
        var sheet = (await XlsxReader.ReadAsync(await export.Content.ReadAsStreamAsync())).Sheet(1);
        Assert.Equal(Shanghai(utc), sheet.Date(2, 9));
    }

    [Fact]
    public async Task Dashboard_InHallZone()
    {
        AtFourPastMidnightUtc();
        var hall = await TestHall.CreateAsync(app);
        var html = await PageAsync(app.Api(hall.Supervisor), "/dashboard");
        Assert.Contains("08:04:00", html);
        Assert.DoesNotContain("00:04:00", html);
    }
}

public sealed class SqliteHallTimeZoneTests(SqliteHallApp app) : HallTimeZoneTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallTimeZoneTests(PostgresHallApp app) : HallTimeZoneTests(app), IClassFixture<PostgresHallApp>;
