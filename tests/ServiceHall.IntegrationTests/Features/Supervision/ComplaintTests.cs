using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class ComplaintTests(HallApp app)
{
    private static object Online(string title = "窗口人员态度差") => new
    {
        title, content = "上午在3号窗口办理社保，工作人员说“这不归我管”。", anonymous = true, subject = "hall",
    };

    [Fact]
    public async Task OnlineAnonymous_AssignedInvestigatedRepliedClosedReopened_TrackedByCitizen()
    {
        var hall = await TestHall.CreateAsync(app);
        var citizen = app.Api();
        var receipt = await SupervisionFlows.JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online", Online()), HttpStatusCode.Created);
        Assert.Equal($"TS{app.Today:yyyyMMdd}-0001", receipt.Str("number"));
        Assert.Equal(Iso(WorkingDaysAfter(app.Today, 5)), receipt.Str("replyDue"));
        var track = $"/api/complaints/track/{receipt.Str("trackingCode")}";
        Assert.Equal("registered", (await citizen.GetOkAsync<JsonObject>(track)).Str("status"));

        var supervisor = app.Api(hall.Supervisor);
        var listed = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/complaints?status=registered"));
        Assert.Equal("online", listed.Str("channel"));
        var id = listed.Str("id");
        var assignee = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/reply", new { finding = "x", reply = "y" }),
            HttpStatusCode.Conflict, "ComplaintWrongStatus");
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/assign", new { assigneeUserId = assignee, note = "请核查" });
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync($"/api/complaints/{id}/investigate", new { }),
            HttpStatusCode.Forbidden, "ComplaintNotAssignee");
        var staff = app.Api(hall.Staff[0]);
        await staff.PostOkAsync<JsonObject>($"/api/complaints/{id}/investigate", new { note = "调取录音" });
        await Expect.ProblemAsync(await staff.PostAsync($"/api/complaints/{id}/reply", new { finding = "属实" }), HttpStatusCode.BadRequest, "Required");
        await staff.PostOkAsync<JsonObject>($"/api/complaints/{id}/reply",
            new { finding = "录音证实用语不当", reply = "经核实情况属实，已对相关人员批评教育并组织培训，感谢您的监督。" });
        var tracked = await citizen.GetOkAsync<JsonObject>(track);
        Assert.Equal("replied", tracked.Str("status"));
        Assert.StartsWith("经核实情况属实", tracked.Str("reply"));

        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/close", new { });
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/reopen", new { }), HttpStatusCode.BadRequest, "Required");
        var reopened = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/reopen", new { note = "投诉人对答复不满意" });
        Assert.Equal("investigating", reopened.Str("status"));
        Assert.Equal(1, reopened["reopenCount"]!.GetValue<int>());
        var history = reopened["history"]!.AsArray().Select(h => h.Str("action")).ToList();
        Assert.Equal(["registered", "assigned", "investigationStarted", "replied", "closed", "reopened"], history);
        Assert.Null(reopened["history"]![0]!["userId"]);
        Assert.All(reopened["history"]!.AsArray().Skip(1), h => Assert.NotNull(h!["userId"]));
    }

    [Fact]
    public async Task Named_ContactMaskedInListsRevealedOnlyWithPurposeAndAudited()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var receipt = await SupervisionFlows.JsonAsync(await staff.PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel = "phone", title = "办事时间过长", content = "等了一个小时", anonymous = false, complainantName = "张三丰",
            contactPhone = "13812345678", subject = "counter", counterId = hall.Counters[1],
        }), HttpStatusCode.Created);
        var supervisor = app.Api(hall.Supervisor);
        var id = receipt.Str("id");
        var view = await supervisor.GetOkAsync<JsonObject>($"/api/complaints/{id}");
        Assert.Equal("张**", view.Str("complainantNameMasked"));
        Assert.Equal("138****5678", view.Str("contactPhoneMasked"));
        Assert.Equal(hall.Counters[1], view["counterId"]!.GetValue<Guid>());
        var raw = await (await supervisor.GetAsync($"/api/halls/{hall.Id}/complaints")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("13812345678", raw);
        Assert.DoesNotContain("张三丰", raw);

        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/contact", new { }), HttpStatusCode.BadRequest, "Required");
        var contact = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/contact", new { purpose = "回访投诉人" });
        Assert.Equal("张三丰", contact.Str("name"));
        Assert.Equal("13812345678", contact.Str("phone"));
        var reads = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.SubjectId == Guid.Parse(id)).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal("回访投诉人", r.Purpose));
        var stored = await app.WithDbAsync(db => db.Complaints.SingleAsync(c => c.Id == Guid.Parse(id)));
        Assert.DoesNotContain("1381234", stored.ContactPhoneCipher);

        var anonymous = await SupervisionFlows.JsonAsync(await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online", Online()), HttpStatusCode.Created);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{anonymous.Str("id")}/contact", new { purpose = "回访" }),
            HttpStatusCode.Conflict, "ComplaintAnonymous");
    }

    [Fact]
    public async Task MarkedMaliciousOrDuplicate_ClosedWithReasonNeverDeleted()
    {
        var hall = await TestHall.CreateAsync(app);
        var citizen = app.Api();
        var first = await SupervisionFlows.JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online", Online("第一次")), HttpStatusCode.Created);
        var second = await SupervisionFlows.JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online", Online("重复提交")), HttpStatusCode.Created);
        var supervisor = app.Api(hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{second.Str("id")}/mark", new { disposition = "duplicate", reason = "同一事项" }),
            HttpStatusCode.BadRequest, "Required");
        var marked = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{second.Str("id")}/mark",
            new { disposition = "duplicate", reason = "与第一次投诉同一事项", duplicateOfId = first.Str("id") });
        Assert.Equal("closed", marked.Str("status"));
        Assert.Equal("duplicate", marked.Str("disposition"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{second.Str("id")}/reopen", new { note = "再看看" }),
            HttpStatusCode.Conflict, "ComplaintWrongStatus");
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{first.Str("id")}/mark", new { disposition = "malicious", reason = "辱骂内容，无具体事实" });
        Assert.Equal(2, (await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/complaints")).Count);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await supervisor.Http.DeleteAsync($"/api/complaints/{first.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task BadInputsRolesAndOverdueAlert()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.UnstaffedGraceMinutes = 100_000);
        var citizen = app.Api();
        var url = $"/api/halls/{hall.Id}/complaints/online";
        await Expect.ProblemAsync(await citizen.PostAsync(url, new { content = "没有标题", anonymous = true }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await citizen.PostAsync(url, new { title = "t", content = "c", anonymous = false }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await citizen.PostAsync(url, new { title = "t", content = "c", anonymous = false, contactPhone = "call me" }),
            HttpStatusCode.BadRequest, "ComplaintPhoneInvalid");
        await Expect.ProblemAsync(await citizen.PostAsync(url, new { title = "t", content = "c", anonymous = true, subject = "counter" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await citizen.PostAsync(url, new { title = "t", content = "c", anonymous = true, subject = "counter", counterId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest, "ComplaintSubjectNotFound");
        await Expect.ProblemAsync(await citizen.PostAsync($"/api/halls/{Guid.NewGuid()}/complaints/online", Online()), HttpStatusCode.NotFound, "HallNotFound");
        await Expect.ProblemAsync(await citizen.GetAsync($"/api/complaints/track/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "ComplaintNotFound");
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.PostAsync($"/api/halls/{hall.Id}/complaints", Online())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync($"/api/halls/{hall.Id}/complaints")).StatusCode);
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/complaints", new { title = "t", content = "c", anonymous = true }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).GetAsync($"/api/halls/{hall.Id}/complaints?status=nope"), HttpStatusCode.BadRequest, "BadRequest");

        var receipt = await SupervisionFlows.JsonAsync(await citizen.PostAsync(url, Online()), HttpStatusCode.Created);
        var supervisor = app.Api(hall.Supervisor);
        var registered = await supervisor.GetOkAsync<JsonObject>($"/api/complaints/{receipt.Str("id")}");
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Empty(await OpenAlertsAsync(app, hall.Id, AlertKind.ComplaintOverdue));
        PassDeadline(app, registered.Str("assignDue"));
        await ScanDeadlinesAsync(app, hall.Id);
        var alert = Assert.Single(await OpenAlertsAsync(app, hall.Id, AlertKind.ComplaintOverdue));
        Assert.Equal(1, alert.Value);
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{receipt.Str("id")}/assign",
            new { assigneeUserId = await TestHall.UserIdAsync(app, hall.Staff[0]) });
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Empty(await OpenAlertsAsync(app, hall.Id, AlertKind.ComplaintOverdue));
        PassDeadline(app, registered.Str("replyDue"));
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Single(await OpenAlertsAsync(app, hall.Id, AlertKind.ComplaintOverdue));
    }

    [Fact]
    public async Task ExtendStageDeadline_WithReason_RecordedAndOverdueCountedFromTheNewDate()
    {
        var hall = await TestHall.CreateAsync(app);
        var receipt = await SupervisionFlows.JsonAsync(await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online", Online()), HttpStatusCode.Created);
        var id = receipt.Str("id");
        var supervisor = app.Api(hall.Supervisor);
        var department = await app.WithDbAsync(db => db.Departments.Where(d => d.HallId == hall.Id).Select(d => d.Id).FirstAsync());
        var assignee = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/assign", new { assigneeUserId = assignee, departmentId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest, "DepartmentNotFound");
        var assigned = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/assign", new { assigneeUserId = assignee, departmentId = department });
        Assert.Equal("综合", assigned.Str("assigneeDepartmentName"));

        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/extend", new { workingDays = 3 }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/extend", new { workingDays = 31, reason = "x" }),
            HttpStatusCode.BadRequest, "OutOfRange");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Api(hall.Staff[0]).PostAsync($"/api/complaints/{id}/extend", new { workingDays = 3, reason = "涉及多个部门" })).StatusCode);
        var extended = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/extend", new { workingDays = 5, reason = "涉及多个部门" });
        var replyDue = WorkingDaysAfter(WorkingDaysAfter(app.Today, 5), 5);
        Assert.Equal(Iso(replyDue), extended.Str("replyDue"));
        Assert.Equal(Iso(replyDue), extended.Str("extendedUntil"));
        Assert.Equal(Iso(replyDue), extended.Str("stageDue"));
        Assert.Equal("涉及多个部门", extended.Str("extensionReason"));
        var last = extended["history"]!.AsArray().Last()!;
        Assert.Equal("deadlineExtended", last.Str("action"));
        Assert.Equal("涉及多个部门", last.Str("note"));

        // The scan goes by the extended deadline: nothing overdue on the old one.
        PassDeadline(app, Iso(WorkingDaysAfter(app.Today, 5)));
        await ScanDeadlinesAsync(app, hall.Id);
        Assert.Empty((await OpenAlertsAsync(app, hall.Id, AlertKind.ComplaintOverdue)));
    }
}

public sealed class SqliteComplaintTests(SqliteHallApp app) : ComplaintTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresComplaintTests(PostgresHallApp app) : ComplaintTests(app), IClassFixture<PostgresHallApp>;
