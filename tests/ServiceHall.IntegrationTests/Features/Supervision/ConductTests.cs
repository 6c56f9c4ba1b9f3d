using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class ConductTests(HallApp app)
{
    private const string Rude = "你好，什么事？这个我也不知道，这不歸我管！下一位。";

    [Fact]
    public async Task Check_ForRecogniser_ReportsFindingsWithOriginalPositionsAndKeepsNothing()
    {
        var hall = await TestHall.CreateAsync(app);
        var report = await app.Api(hall.Supervisor).PostOkAsync<JsonObject>("/api/conduct/check", new { hallId = hall.Id, text = Rude });
        Assert.Null(report["checkId"]);
        Assert.False(report["greeting"]!.GetValue<bool>());
        Assert.False(report["farewell"]!.GetValue<bool>());
        var findings = report["findings"]!.AsArray();
        var variant = Assert.Single(findings, f => f.Str("kind") == "forbiddenVariant");
        Assert.Equal("我不知道", variant.Str("phrase"));
        Assert.Equal("我也不知道", variant.Str("matched"));
        Assert.Equal(Rude.IndexOf("我也不知道", StringComparison.Ordinal), variant!["start"]!.GetValue<int>());
        var exact = Assert.Single(findings, f => f.Str("kind") == "forbidden");
        Assert.Equal("这不归我管", exact.Str("phrase"));
        Assert.Equal("这不歸我管", Rude.Substring(exact!["start"]!.GetValue<int>(), exact["length"]!.GetValue<int>()));
        Assert.Contains(findings, f => f.Str("kind") == "missingGreeting");
        Assert.Contains(findings, f => f.Str("kind") == "missingFarewell");
        Assert.Equal(100 - 20 - 10 - 10 - 10, report["score"]!.GetValue<int>());
        Assert.Empty(await app.Api(hall.Supervisor).GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/conduct/findings"));
    }

    [Fact]
    public async Task Check_ForTicket_KeptAgainstStaffAndTicket_SupervisorConfirmsOrDismissesOnce()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await FinishedTicketAsync(app, hall);
        var staffId = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var staff = app.Api(hall.Staff[0]);
        var report = await staff.PostOkAsync<JsonObject>("/api/conduct/check", new { hallId = hall.Id, text = "您好。" + Rude + "再见", ticketId = ticket.Id });
        var checkId = report["checkId"]!.GetValue<Guid>();

        var supervisor = app.Api(hall.Supervisor);
        var open = await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/conduct/findings?status=open");
        Assert.Equal(2, open.Count);
        Assert.All(open, f =>
        {
            Assert.Equal(staffId, f["staffUserId"]!.GetValue<Guid>());
            Assert.Equal(ticket.Id, f["ticketId"]!.GetValue<Guid>());
            Assert.Equal(checkId, f["checkId"]!.GetValue<Guid>());
        });
        var check = await supervisor.GetOkAsync<JsonObject>($"/api/conduct/checks/{checkId}");
        Assert.StartsWith("您好。", check.Str("text"));

        var exact = open.Single(f => f.Str("kind") == "forbidden").Str("id");
        var variant = open.Single(f => f.Str("kind") == "forbiddenVariant").Str("id");
        var confirmed = await supervisor.PostOkAsync<JsonObject>($"/api/conduct/findings/{exact}/review", new { confirm = true });
        Assert.Equal("confirmed", confirmed.Str("status"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/conduct/findings/{exact}/review", new { confirm = false, note = "改主意" }),
            HttpStatusCode.Conflict, "ConductFindingReviewed");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/conduct/findings/{variant}/review", new { confirm = false }),
            HttpStatusCode.BadRequest, "Required");
        await supervisor.PostOkAsync<JsonObject>($"/api/conduct/findings/{variant}/review", new { confirm = false, note = "语音识别有误" });
        Assert.Empty(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/conduct/findings?status=open"));
        Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/conduct/findings?status=dismissed&staffUserId={staffId}"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/conduct/findings/{Guid.NewGuid()}/review", new { confirm = true }),
            HttpStatusCode.NotFound, "ConductFindingNotFound");
    }

    [Fact]
    public async Task Check_BadInputsAndRoles_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { text = "您好" }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = hall.Id, text = " " }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = hall.Id, text = new string('话', 5001) }),
            HttpStatusCode.BadRequest, "TooLong");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = hall.Id, text = new string('话', 12000) }),
            HttpStatusCode.RequestEntityTooLarge, "BodyTooLarge");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = Guid.NewGuid(), text = "您好" }), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = other.Id, text = "您好" }), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check",
            new { hallId = hall.Id, text = "您好", staffUserId = await TestHall.UserIdAsync(app, hall.Staff[1]) }), HttpStatusCode.Forbidden, "ConductOnlyOwn");
        await Expect.ProblemAsync(await staff.PostAsync("/api/conduct/check", new { hallId = hall.Id, text = "您好", ticketId = Guid.NewGuid() }),
            HttpStatusCode.NotFound, "TicketNotFound");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync("/api/conduct/check", new { hallId = hall.Id, text = "您好" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("kiosk1").PostAsync("/api/conduct/check", new { hallId = hall.Id, text = "您好" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/halls/{hall.Id}/conduct/findings")).StatusCode);
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).GetAsync($"/api/halls/{hall.Id}/conduct/findings?status=1"),
            HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task PhraseLists_SeededEditableByAdminOnly_CheckerFollowsChanges()
    {
        var hall = await TestHall.CreateAsync(app);
        var supervisor = app.Api(hall.Supervisor);
        var phrases = await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/conduct/phrases");
        Assert.Contains(phrases, p => p.Str("text") == "你去投诉好了" && p.Str("kind") == "forbidden");
        Assert.Contains(phrases, p => p.Str("text") == "您好" && p.Str("kind") == "greeting");
        // Every seeded phrase, each once.
        Assert.Equal(DefaultConductPhrases.All.Select(p => p.Text).Order(), phrases.Select(p => p.Str("text")).Order());

        const string text = "您好。你这人真不耐烦。再见";
        var before = await supervisor.PostOkAsync<JsonObject>("/api/conduct/check", new { hallId = hall.Id, text });
        Assert.DoesNotContain(before["findings"]!.AsArray(), f => f.Str("kind") == "forbidden");

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/halls/{hall.Id}/conduct/phrases", new { text = "不耐烦", kind = "forbidden" })).StatusCode);
        var admin = app.Api("admin");
        var added = await SupervisionFlows.JsonAsync(await admin.PostAsync($"/api/halls/{hall.Id}/conduct/phrases", new { text = "不耐烦", kind = "forbidden" }),
            HttpStatusCode.Created);
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/conduct/phrases", new { text = "不耐烦", kind = "forbidden" }),
            HttpStatusCode.Conflict, "ConductPhraseExists");
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/conduct/phrases", new { text = "，。！", kind = "forbidden" }),
            HttpStatusCode.BadRequest, "ConductPhraseEmpty");
        await Expect.ProblemAsync(await admin.PostAsync($"/api/halls/{hall.Id}/conduct/phrases", new { text = "好" }),
            HttpStatusCode.BadRequest, "Required");
        var after = await supervisor.PostOkAsync<JsonObject>("/api/conduct/check", new { hallId = hall.Id, text });
        Assert.Single(after["findings"]!.AsArray(), f => f.Str("kind") == "forbidden" && f.Str("phrase") == "不耐烦");

        var retired = await SupervisionFlows.JsonAsync(await admin.Http.PutAsJsonAsync($"/api/conduct/phrases/{added.Str("id")}",
            new { text = "不耐烦", kind = "forbidden", isActive = false }), HttpStatusCode.OK);
        Assert.False(retired["isActive"]!.GetValue<bool>());
        var retiredCheck = await supervisor.PostOkAsync<JsonObject>("/api/conduct/check", new { hallId = hall.Id, text });
        Assert.DoesNotContain(retiredCheck["findings"]!.AsArray(), f => f.Str("kind") == "forbidden");
        await Expect.ProblemAsync(await admin.Http.PutAsJsonAsync($"/api/conduct/phrases/{Guid.NewGuid()}", new { text = "某句", kind = "forbidden" }),
            HttpStatusCode.NotFound, "ConductPhraseNotFound");
    }
}

public sealed class SqliteConductTests(SqliteHallApp app) : ConductTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresConductTests(PostgresHallApp app) : ConductTests(app), IClassFixture<PostgresHallApp>;
