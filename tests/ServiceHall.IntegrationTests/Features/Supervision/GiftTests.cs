using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class GiftTests(HallApp app)
{
    private object Gift(string description = "茶叶一盒") => new
    {
        giver = "某企业办事人员", description, estimatedValue = 200.50m, receivedOn = Iso(app.Today), handling = "handedIn",
    };

    [Fact]
    public async Task Declare_ReviewOnce_ListedAndExported()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var declared = await SupervisionFlows.JsonAsync(await staff.PostAsync("/api/gifts", Gift()), HttpStatusCode.Created);
        Assert.Equal($"LP{app.Today:yyyy}-0001", declared.Str("number"));
        Assert.Equal("pending", declared.Str("review"));
        await SupervisionFlows.JsonAsync(await app.Api(hall.Staff[1]).PostAsync("/api/gifts", Gift("月饼")), HttpStatusCode.Created);
        Assert.Single(await staff.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/gifts"));

        var supervisor = app.Api(hall.Supervisor);
        Assert.Equal(2, (await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/gifts")).Count);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/gifts/{declared.Str("id")}/review", new { accept = false }),
            HttpStatusCode.BadRequest, "Required");
        var reviewed = await supervisor.PostOkAsync<JsonObject>($"/api/gifts/{declared.Str("id")}/review", new { accept = true });
        Assert.Equal("accepted", reviewed.Str("review"));
        Assert.Equal(hall.Supervisor, reviewed.Str("reviewerName"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/gifts/{declared.Str("id")}/review", new { accept = false, note = "再看" }),
            HttpStatusCode.Conflict, "GiftReviewed");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/gifts/{declared.Str("id")}/review", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await supervisor.Http.DeleteAsync($"/api/gifts/{declared.Str("id")}/review")).StatusCode);

        var export = await supervisor.GetAsync($"/api/halls/{hall.Id}/gifts/export");
        await Expect.StatusAsync(export, HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("filename*=UTF-8''", export.Content.Headers.ContentDisposition?.ToString());
        Assert.StartsWith("礼品申报登记", export.Content.Headers.ContentDisposition?.FileNameStar);
        var sheet = (await XlsxReader.ReadAsync(await export.Content.ReadAsStreamAsync())).Sheet(1);
        Assert.Equal("礼品申报登记", sheet.Name);
        Assert.Equal(["编号", "申报人", "赠送单位/人", "礼品", "估值（元）", "收受日期", "处理方式", "处理说明", "申报时间（大厅当地时间）",
            "审核结果", "审核人", "审核时间（大厅当地时间）", "审核意见"], sheet.Headers());
        Assert.Equal(3, sheet.RowCount);
        Assert.Equal($"LP{app.Today:yyyy}-0001", sheet.Text(2, 1));
        Assert.Equal(hall.Staff[0], sheet.Text(2, 2));
        Assert.Equal("某企业办事人员", sheet.Text(2, 3));
        Assert.Equal("茶叶一盒", sheet.Text(2, 4));
        Assert.Equal(200.50, sheet.Number(2, 5));
        Assert.Equal(app.Today.ToDateTime(TimeOnly.MinValue), sheet.Date(2, 6));
        Assert.Equal("已上交", sheet.Text(2, 7));
        Assert.Equal("已确认", sheet.Text(2, 10));
        Assert.Equal(hall.Supervisor, sheet.Text(2, 11));
        Assert.Equal("月饼", sheet.Text(3, 4));
        Assert.Equal("待审核", sheet.Text(3, 10));
        Assert.Equal("", sheet.Text(3, 11));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/halls/{hall.Id}/gifts/export")).StatusCode);
    }

    [Fact]
    public async Task Declare_BadInputsAndOwnReview_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await Expect.ProblemAsync(await staff.PostAsync("/api/gifts", new { giver = "x", description = "y", estimatedValue = -1, receivedOn = Iso(app.Today), handling = "returned" }),
            HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await staff.PostAsync("/api/gifts", new { giver = "x", description = "y", estimatedValue = 1, receivedOn = Iso(app.Today.AddDays(1)), handling = "returned" }),
            HttpStatusCode.BadRequest, "InvalidDate");
        await Expect.ProblemAsync(await staff.PostAsync("/api/gifts", new { giver = "x", description = "y", estimatedValue = 1, receivedOn = Iso(app.Today), handling = "other" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PostAsync("/api/gifts", new { description = "y", estimatedValue = 1, receivedOn = Iso(app.Today), handling = "returned" }),
            HttpStatusCode.BadRequest, "Required");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync("/api/gifts", Gift())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("kiosk1").PostAsync("/api/gifts", Gift())).StatusCode);

        var supervisor = app.Api(hall.Supervisor);
        var own = await SupervisionFlows.JsonAsync(await supervisor.PostAsync("/api/gifts", Gift("supervisor's own")), HttpStatusCode.Created);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/gifts/{own.Str("id")}/review", new { accept = true }), HttpStatusCode.Forbidden, "GiftOwnReview");
        await Expect.ProblemAsync(await app.Api("supervisor").PostAsync($"/api/gifts/{own.Str("id")}/review", new { accept = true }), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/gifts/{Guid.NewGuid()}/review", new { accept = true }), HttpStatusCode.NotFound, "GiftNotFound");
    }

    [Fact]
    public async Task Review_ConfirmsOrCorrectsHandling_ExportInHallTime()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var declared = await SupervisionFlows.JsonAsync(await staff.PostAsync("/api/gifts", new
        {
            giver = "某公司", description = "购物卡", estimatedValue = 500, receivedOn = Iso(app.Today), handling = "other", handlingNote = "暂存办公室",
        }), HttpStatusCode.Created);
        var supervisor = app.Api(hall.Supervisor);
        var review = $"/api/gifts/{declared.Str("id")}/review";
        await Expect.ProblemAsync(await supervisor.PostAsync(review, new { accept = false, note = "为何暂存", handling = "handedIn" }),
            HttpStatusCode.BadRequest, "BadRequest");
        var accepted = await supervisor.PostOkAsync<JsonObject>(review, new { accept = true, handling = "handedIn", note = "已上交纪检" });
        Assert.Equal("handedIn", accepted.Str("confirmedHandling"));
        Assert.Equal("other", accepted.Str("handling"));

        var sheet = (await XlsxReader.ReadAsync(await (await supervisor.GetAsync($"/api/halls/{hall.Id}/gifts/export")).Content.ReadAsStreamAsync())).Sheet(1);
        Assert.Equal("已上交", sheet.Text(2, 7));
        Assert.Equal("暂存办公室", sheet.Text(2, 8));
        Assert.Equal("已上交纪检", sheet.Text(2, 13));
        Assert.Equal("申报时间（大厅当地时间）", sheet.Text(1, 9));
        // Declared at 10:00 in Shanghai (02:00 UTC) on the test clock's day.
        var declaredAt = sheet.Date(2, 9);
        Assert.Equal(app.LocalTime.Hour, declaredAt.Hour);
        Assert.Equal(app.Today, DateOnly.FromDateTime(declaredAt));
        var english = await supervisor.GetAsync($"/api/halls/{hall.Id}/gifts/export", language: "en");
        var en = (await XlsxReader.ReadAsync(await english.Content.ReadAsStreamAsync())).Sheet(1);
        Assert.Equal("Handed in", en.Text(2, 7));
    }
}

public sealed class SqliteGiftTests(SqliteHallApp app) : GiftTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresGiftTests(PostgresHallApp app) : GiftTests(app), IClassFixture<PostgresHallApp>;
