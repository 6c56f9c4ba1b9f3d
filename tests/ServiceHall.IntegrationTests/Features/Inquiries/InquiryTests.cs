using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Cases;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Inquiries;

public abstract class InquiryTests(HallApp app)
{
    private DateTime InHours(double hours) => app.Clock.GetUtcNow().UtcDateTime.AddHours(hours);

    private static string Status(JsonObject i) => i["status"]!.GetValue<string>();

    [Theory]
    [InlineData("zh-CN", "问题 为必填项。", "联系方式 不能超过")]
    [InlineData("en", "Question is required.", "Contact must not be longer")]
    public async Task Record_Invalid_FieldNamedInTheRequestLanguage(string language, string required, string tooLong)
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var missing = await Expect.ProblemAsync(await staff.PostAsync($"/api/halls/{hall.Id}/inquiries",
            new { question = " ", channel = "onSite", answer = "x" }, language), HttpStatusCode.BadRequest, "Required");
        Assert.Equal(required, missing["detail"]!.GetValue<string>());
        // The errors object keys the field by its JSON name, for programs; its message names it for people.
        Assert.Equal(required, missing["errors"]!["question"]![0]!.GetValue<string>());
        var longContact = await Expect.ProblemAsync(await staff.PostAsync($"/api/halls/{hall.Id}/inquiries",
            new { question = "问", channel = "onSite", contact = new string('1', 500), promisedReplyAt = InHours(2) }, language),
            HttpStatusCode.BadRequest, "TooLong");
        Assert.StartsWith(tooLong, longContact["detail"]!.GetValue<string>());
        Assert.DoesNotContain("contact", longContact["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevealContact_OwnerHandlerSupervisor_WithPurpose_Audited()
    {
        var hall = await TestHall.CreateAsync(app, staff: 3);
        var owner = app.Api(hall.Staff[0]);
        var inquiry = await owner.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries", new
        {
            question = "公积金提取要多久？", channel = "phone", citizenName = "李四", contact = "13900002222", promisedReplyAt = InHours(24),
        });
        var id = inquiry["id"]!.GetValue<Guid>();
        Assert.Equal("139****2222", inquiry["contact"]!.GetValue<string>());
        var url = $"/api/inquiries/{id}/contact";

        await Expect.ProblemAsync(await owner.PostAsync(url, new { purpose = " " }), HttpStatusCode.BadRequest, "Required");
        Assert.False(await app.WithDbAsync(db => db.PersonalDataReads.AnyAsync(r => r.SubjectId == id)));
        var contact = await owner.PostOkAsync<JsonObject>(url, new { purpose = "按承诺回电答复" });
        Assert.Equal("李四", contact["citizenName"]!.GetValue<string>());
        Assert.Equal("13900002222", contact["contact"]!.GetValue<string>());
        var reads = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.SubjectId == id).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal("按承诺回电答复", r.Purpose));
        Assert.All(reads, r => Assert.Equal("Inquiry", r.SubjectType));

        // A colleague it was not forwarded to may not read it; once forwarded, the colleague may; a supervisor may.
        var colleague = app.Api(hall.Staff[1]);
        await Expect.ProblemAsync(await colleague.PostAsync(url, new { purpose = "好奇" }), HttpStatusCode.Forbidden, "InquiryNotYours");
        await owner.PostOkAsync<JsonObject>($"/api/inquiries/{id}/forward", new
        {
            reason = "responsiblePersonAbsent", toUserId = await TestHall.UserIdAsync(app, hall.Staff[1]), note = "请代为答复",
            responsiblePersonName = "王科长", responsiblePersonContact = "内线 8001",
        });
        Assert.Equal("13900002222", (await colleague.PostOkAsync<JsonObject>(url, new { purpose = "代为答复" }))["contact"]!.GetValue<string>());
        await app.Api(hall.Supervisor).PostOkAsync<JsonObject>(url, new { purpose = "督办回访" });
        var otherHall = app.Api((await TestHall.CreateAsync(app)).Supervisor);
        await Expect.ProblemAsync(await otherHall.PostAsync(url, new { purpose = "x" }), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync(url, new { purpose = "x" })).StatusCode);
    }

    [Fact]
    public async Task AnsweredOnTheSpot_ClosedAtOnce_NoContactNeeded()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var inquiry = await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "营业执照遗失怎么补办？", channel = "onSite", answer = "携带身份证到 1 号窗口申请补领。" });
        Assert.Equal("answered", Status(inquiry));
        Assert.True(inquiry["answeredOnTheSpot"]!.GetValue<bool>());
        Assert.True(inquiry["repliedOnTime"]!.GetValue<bool>());
        var again = await staff.PostAsync($"/api/inquiries/{inquiry["id"]}/reply", new { reply = "再答一次" });
        await Expect.ProblemAsync(again, HttpStatusCode.Conflict, "InquiryAlreadyAnswered");
    }

    [Fact]
    public async Task Promised_ForwardedTwoWays_OwnerStaysAccountable_OneFinalReplyCloses()
    {
        var hall = await TestHall.CreateAsync(app);
        var owner = app.Api(hall.Staff[0]);
        var colleague = await TestHall.UserIdAsync(app, hall.Staff[1]);
        var inquiry = await owner.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries", new
        {
            question = "外地户口能否在本区办理居住证？", channel = "phone", citizenName = "王五", contact = "13900001111",
            promisedReplyAt = InHours(24),
        });
        var id = inquiry["id"]!.GetValue<Guid>();
        Assert.Equal("open", Status(inquiry));
        Assert.Equal("139****1111", inquiry["contact"]!.GetValue<string>());
        Assert.Equal("王*", inquiry["citizenName"]!.GetValue<string>());

        var noTarget = await owner.PostAsync($"/api/inquiries/{id}/forward", new { reason = "responsiblePersonAbsent", note = "x" });
        await Expect.ProblemAsync(noTarget, HttpStatusCode.BadRequest, "Required");
        // M6: the absent responsible person's name and contact are recorded, not just a note.
        var noName = await owner.PostAsync($"/api/inquiries/{id}/forward",
            new { reason = "responsiblePersonAbsent", toUserId = colleague, responsiblePersonContact = "0571-88001234", note = "x" });
        await Expect.ProblemAsync(noName, HttpStatusCode.BadRequest, "Required");
        var noContact = await owner.PostAsync($"/api/inquiries/{id}/forward",
            new { reason = "responsiblePersonAbsent", toUserId = colleague, responsiblePersonName = "李静", note = "x" });
        await Expect.ProblemAsync(noContact, HttpStatusCode.BadRequest, "Required");
        var forwarded = await owner.PostOkAsync<JsonObject>($"/api/inquiries/{id}/forward", new
        {
            reason = "responsiblePersonAbsent", toUserId = colleague, responsiblePersonName = "李静",
            responsiblePersonContact = "0571-88001234", note = "户籍窗口李静外出，已转交同事跟进",
        });
        Assert.Equal(colleague, forwarded["handlerUserId"]!.GetValue<Guid>());
        var absent = forwarded["forwards"]![0]!;
        Assert.Equal("李静", absent["responsiblePersonName"]!.GetValue<string>());
        Assert.Equal("0571-88001234", absent["responsiblePersonContact"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(absent["toUserName"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(absent["byUserName"]!.GetValue<string>()));
        Assert.Equal(absent["toUserName"]!.GetValue<string>(), forwarded["handlerName"]!.GetValue<string>());
        // The colleague sees it among their own, and so does the owner, who stays accountable.
        var colleagueApi = app.Api(hall.Staff[1]);
        Assert.Contains(await colleagueApi.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/inquiries?mine=true"), i => i!["id"]!.GetValue<Guid>() == id);
        Assert.Contains(await owner.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/inquiries?mine=true"), i => i!["id"]!.GetValue<Guid>() == id);
        var targets = await owner.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries/forward-targets");
        Assert.Contains(targets["colleagues"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == colleague);
        Assert.DoesNotContain(targets["colleagues"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == inquiry["ownerUserId"]!.GetValue<Guid>());
        Assert.Equal(inquiry["ownerUserId"]!.GetValue<Guid>(), forwarded["ownerUserId"]!.GetValue<Guid>());
        var outside = await owner.PostOkAsync<JsonObject>($"/api/inquiries/{id}/forward", new
        {
            reason = "notOurResponsibility", acceptingBody = "市公安局出入境管理支队", note = "涉及出入境，已告知受理部门",
        });
        Assert.Equal(2, outside["forwards"]!.AsArray().Count);
        Assert.Equal("市公安局出入境管理支队", outside["forwards"]![1]!["acceptingBody"]!.GetValue<string>());
        Assert.Null(outside["forwards"]![1]!["responsiblePersonName"]);

        // A colleague who is neither owner nor handler cannot reply; the owner can, once.
        var stranger = app.Api((await TestHall.CreateAsync(app)).Staff[0]);
        await Expect.ProblemAsync(await stranger.PostAsync($"/api/inquiries/{id}/reply", new { reply = "x" }), HttpStatusCode.Forbidden, "OtherHall");
        var replied = await owner.PostOkAsync<JsonObject>($"/api/inquiries/{id}/reply", new { reply = "可以，持居住登记满半年证明办理。" });
        Assert.Equal("answered", Status(replied));
        Assert.True(replied["repliedOnTime"]!.GetValue<bool>());
        await Expect.ProblemAsync(await owner.PostAsync($"/api/inquiries/{id}/forward",
            new { reason = "notOurResponsibility", acceptingBody = "x", note = "x" }), HttpStatusCode.Conflict, "InquiryAlreadyAnswered");
    }

    [Fact]
    public async Task OnlyOwnerHandlerOrSupervisor_Act()
    {
        var hall = await TestHall.CreateAsync(app, staff: 3);
        var inquiry = await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "q", channel = "online", contact = "wx:abc123", promisedReplyAt = InHours(2) });
        var other = app.Api(hall.Staff[2]);
        var refused = await other.PostAsync($"/api/inquiries/{inquiry["id"]}/reply", new { reply = "x" });
        await Expect.ProblemAsync(refused, HttpStatusCode.Forbidden, "InquiryNotYours");
        var bySupervisor = await app.Api(hall.Supervisor).PostOkAsync<JsonObject>($"/api/inquiries/{inquiry["id"]}/reply", new { reply = "已答复" });
        Assert.Equal("answered", Status(bySupervisor));
    }

    public static TheoryData<object, string> BadInquiries()
    {
        var later = DateTime.UtcNow.AddYears(5);
        return new()
        {
            { new { channel = "onSite", answer = "a" }, "Required" },
            { new { question = "q", answer = "a" }, "Required" },
            { new { question = "q", channel = "onSite" }, "Required" }, // neither answer nor contact
            { new { question = "q", channel = "onSite", contact = "138" }, "Required" }, // no promised time
            { new { question = "q", channel = "onSite", contact = "138", promisedReplyAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) }, "PromisedReplyInvalid" },
            { new { question = "q", channel = "onSite", contact = "138", promisedReplyAt = later }, "PromisedReplyInvalid" },
            { new { question = new string('问', 1001), channel = "onSite", answer = "a" }, "TooLong" },
        };
    }

    [Theory]
    [MemberData(nameof(BadInquiries))]
    public async Task Record_BadInput_Refused(object body, string code)
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/inquiries", body);
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task OverduePromise_RaisesAlert_CountsInReport_ClearedByReply()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries", new { question = "a", channel = "onSite", answer = "b" });
        var onTime = await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "c", channel = "phone", contact = "13800000000", promisedReplyAt = InHours(1) });
        await staff.PostOkAsync<JsonObject>($"/api/inquiries/{onTime["id"]}/reply", new { reply = "d" });
        var late = await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "e", channel = "phone", contact = "13800000001", promisedReplyAt = InHours(1) });
        app.Clock.Advance(TimeSpan.FromHours(2));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hall.Id, CancellationToken.None);
        var alert = await app.WithDbAsync(db => db.Alerts.SingleAsync(a => a.HallId == hall.Id && a.Kind == AlertKind.InquiryOverdue && a.ClearedAt == null));
        Assert.Equal(late["id"]!.GetValue<Guid>(), alert.SubjectId);
        var view = await staff.GetOkAsync<JsonObject>($"/api/inquiries/{late["id"]}");
        Assert.True(view["overdue"]!.GetValue<bool>());

        var supervisor = app.Api(hall.Supervisor);
        var report = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiry-report");
        var figures = Assert.Single(report["owners"]!.AsArray())!;
        Assert.Equal(3, figures["total"]!.GetValue<int>());
        Assert.Equal(1, figures["answeredOnTheSpot"]!.GetValue<int>());
        Assert.Equal(1, figures["repliedOnTime"]!.GetValue<int>());
        Assert.Equal(1, figures["openOverdue"]!.GetValue<int>());
        Assert.Equal(0.5, figures["onTimeReplyRate"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/halls/{hall.Id}/inquiry-report")).StatusCode);

        await staff.PostOkAsync<JsonObject>($"/api/inquiries/{late["id"]}/reply", new { reply = "f" });
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hall.Id, CancellationToken.None);
        Assert.False(await app.WithDbAsync(db => db.Alerts.AnyAsync(a => a.HallId == hall.Id && a.Kind == AlertKind.InquiryOverdue && a.ClearedAt == null)));
        report = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiry-report");
        figures = report["owners"]![0]!;
        Assert.Equal(1, figures["repliedLate"]!.GetValue<int>());
        Assert.Equal(0.5, figures["onTimeReplyRate"]!.GetValue<double>());
        var mine = await staff.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/inquiries?mine=true");
        Assert.Equal(3, mine.Count);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Routes_WrongRole_Refused(string? user, HttpStatusCode status)
    {
        var hall = await TestHall.CreateAsync(app);
        var api = app.Api(user);
        Assert.Equal(status, (await api.PostAsync($"/api/halls/{hall.Id}/inquiries", new { question = "q" })).StatusCode);
        Assert.Equal(status, (await api.GetAsync($"/api/halls/{hall.Id}/inquiries")).StatusCode);
        Assert.Equal(status, (await api.PostAsync($"/api/inquiries/{Guid.NewGuid()}/reply", new { reply = "r" })).StatusCode);
    }
}

public sealed class SqliteInquiryTests(SqliteHallApp app) : InquiryTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresInquiryTests(PostgresHallApp app) : InquiryTests(app), IClassFixture<PostgresHallApp>;
