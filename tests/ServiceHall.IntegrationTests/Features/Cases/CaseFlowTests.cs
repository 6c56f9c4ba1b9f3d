using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Features.Guides;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Cases;

/// <summary>A case from the counter: registration on the ticket being served, notice, 补正, acceptance, documents.</summary>
public abstract class CaseFlowTests(HallApp app)
{
    public const string IdNumber = "11010519491231002X";

    /// <summary>A hall with a written guide for item A; staff[0] serving a ticket of A at counter 1.</summary>
    public sealed record Served(TestHall Hall, ApiClient Staff, TicketDto Ticket, Guid[] Materials);

    public static async Task<Served> ServeAsync(HallApp app, object? guide = null)
    {
        var hall = await TestHall.CreateAsync(app);
        var written = await ServiceGuideTests.PutGuideAsync(app, hall.Id, hall.Item("A"), guide);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var ticket = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
        return new Served(hall, staff, ticket, [.. written["materials"]!.AsArray().Select(m => m!["id"]!.GetValue<Guid>())]);
    }

    public static async Task<JsonObject> RegisterAsync(Served s, params Guid[] received) =>
        await s.Staff.PostOkAsync<JsonObject>($"/api/halls/{s.Hall.Id}/cases", new
        {
            ticketId = s.Ticket.Id, applicantName = "张三丰", applicantIdNumber = IdNumber, applicantPhone = "138 1234 5678",
            receivedMaterialIds = received,
        });

    private static string Zh(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string Status(JsonObject c) => c["status"]!.GetValue<string>();

    [Fact]
    public async Task Register_Notice_Resubmit_Accept_PromisedAndPickupDates()
    {
        var s = await ServeAsync(app);
        // Only the application form: the ID card (required) is missing, the power of attorney is optional.
        var registered = await RegisterAsync(s, s.Materials[0]);
        Assert.Equal("registered", Status(registered));
        Assert.Equal(s.Ticket.Id, registered["ticketId"]!.GetValue<Guid>());
        Assert.Equal("张**", registered["applicantName"]!.GetValue<string>());
        Assert.Equal("110***********002X", registered["applicantIdNumber"]!.GetValue<string>());
        Assert.Equal("138****5678", registered["applicantPhone"]!.GetValue<string>());
        var caseId = registered["id"]!.GetValue<Guid>();

        var accept = await s.Staff.PostAsync($"/api/cases/{caseId}/accept", new { });
        await Expect.ProblemAsync(accept, HttpStatusCode.Conflict, "MaterialsMissing");

        var noticed = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/one-time-notice", new { nextSteps = "请补充身份证后再来。" });
        Assert.Equal("awaitingResubmission", Status(noticed));
        var notice = Assert.Single(noticed["notices"]!.AsArray())!;
        Assert.Matches(@"^GZ2026\d{6}$", notice["number"]!.GetValue<string>());
        Assert.Equal(1, notice["missingCount"]!.GetValue<int>());
        Assert.False(notice["isException"]!.GetValue<bool>());

        // The applicant comes back days later with the ID card, on a new ticket.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await s.Staff.ActAsync(s.Hall.Counters[0], s.Ticket.Id, "finish");
        await app.Api(s.Hall.Kiosk).IssueAsync(s.Hall.Id, s.Hall.Item("A"));
        var again = (await s.Staff.CallNextAsync(s.Hall.Counters[0]))!;
        var resubmitted = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/resubmit",
            new { ticketId = again.Id, receivedMaterialIds = new[] { s.Materials[0], s.Materials[1] } });
        Assert.Equal("resubmitted", Status(resubmitted));
        Assert.Equal(again.Id, resubmitted["ticketId"]!.GetValue<Guid>());

        var accepted = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/accept", new { });
        Assert.Equal("accepted", Status(accepted));
        Assert.Matches(@"^SL2026\d{6}$", accepted["receiptNumber"]!.GetValue<string>());
        // Accepted Tuesday 2026-11-24 10:00 in Shanghai: 3 working days → Friday 11-27; pickup one working day later → Monday 11-30.
        Assert.Equal("2026-11-24", accepted["receivedDay"]!.GetValue<string>());
        Assert.Equal("2026-11-27", accepted["dueDate"]!.GetValue<string>());
        Assert.Equal("2026-11-30", accepted["pickupDate"]!.GetValue<string>());
        Assert.Equal("onTime", accepted["deadline"]!.GetValue<string>());

        var events = accepted["events"]!.AsArray();
        Assert.Equal(["registered", "awaitingResubmission", "resubmitted", "accepted"], events.Select(e => e!["toStatus"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(s.Hall.Staff[0], e!["userName"]!.GetValue<string>()));
        Assert.Equal(["inProgress", "completed", "withdrawn"], accepted["nextStates"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task SecondNotice_NeedsSupervisorReason_FlaggedAsException()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/one-time-notice", new { });
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/resubmit", new { receivedMaterialIds = new[] { s.Materials[0] } });

        var refused = await s.Staff.PostAsync($"/api/cases/{caseId}/one-time-notice", new { });
        await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, "SecondNoticeNeedsSupervisor");
        var byStaff = await s.Staff.PostAsync($"/api/cases/{caseId}/extra-notice-approval", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        var supervisor = app.Api(s.Hall.Supervisor);
        var noReason = await supervisor.PostAsync($"/api/cases/{caseId}/extra-notice-approval", new { reason = " " });
        await Expect.ProblemAsync(noReason, HttpStatusCode.BadRequest, "Required");
        var approved = await supervisor.PostOkAsync<JsonObject>($"/api/cases/{caseId}/extra-notice-approval",
            new { reason = "材料清单新增了一项政策要求" });
        Assert.True(approved["extraNoticeApproved"]!.GetValue<bool>());

        var second = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/one-time-notice", new { });
        var notices = second["notices"]!.AsArray();
        Assert.Equal(2, notices.Count);
        Assert.True(notices[1]!["isException"]!.GetValue<bool>());
        Assert.Equal("材料清单新增了一项政策要求", notices[1]!["exceptionReason"]!.GetValue<string>());
        Assert.False(second["extraNoticeApproved"]!.GetValue<bool>()); // one approval, one notice

        var list = await s.Staff.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/cases");
        var listed = list.Single(c => c!["id"]!.GetValue<Guid>() == caseId)!;
        Assert.True(listed["hasExceptionalNotice"]!.GetValue<bool>());
        Assert.Equal(2, listed["noticeCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Notice_NothingMissing_Conflict()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s, s.Materials[0], s.Materials[1]))["id"]!.GetValue<Guid>();
        var response = await s.Staff.PostAsync($"/api/cases/{caseId}/one-time-notice", new { });
        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "NoMaterialsMissing");
    }

    [Fact]
    public async Task Refuse_NeedsReasonAndBasis_ThenFinal()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var noBasis = await s.Staff.PostAsync($"/api/cases/{caseId}/refuse", new { reason = "不属于本中心受理范围" });
        await Expect.ProblemAsync(noBasis, HttpStatusCode.BadRequest, "Required");
        var refused = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/refuse",
            new { reason = "申请事项依法不需要取得行政许可", basis = "《中华人民共和国行政许可法》第三十二条第一款第（一）项" });
        Assert.Equal("refused", Status(refused));
        Assert.Matches(@"^BY2026\d{6}$", refused["refusalNumber"]!.GetValue<string>());
        var accept = await s.Staff.PostAsync($"/api/cases/{caseId}/accept", new { }, "en");
        var problem = await Expect.ProblemAsync(accept, HttpStatusCode.Conflict, "CaseStateConflict");
        Assert.Contains("Refused", problem["detail"]!.GetValue<string>());

        var page = await s.Staff.GetAsync($"/cases/{caseId}/refusal");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("不予受理通知书", html);
        Assert.Contains("第三十二条第一款", html);
        Assert.Contains("张三丰", html);
    }

    [Fact]
    public async Task Withdraw_AndLifecycleToPickup()
    {
        var s = await ServeAsync(app);
        var withdrawn = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var w = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{withdrawn}/withdraw", new { reason = "申请人主动撤回" });
        Assert.Equal("withdrawn", Status(w));

        var caseId = (await RegisterAsync(s, s.Materials[0], s.Materials[1]))["id"]!.GetValue<Guid>();
        var early = await s.Staff.PostAsync($"/api/cases/{caseId}/pick-up");
        await Expect.ProblemAsync(early, HttpStatusCode.Conflict, "CaseStateConflict");
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/accept", new { });
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/start");
        var noResult = await s.Staff.PostAsync($"/api/cases/{caseId}/complete", new { });
        await Expect.ProblemAsync(noResult, HttpStatusCode.BadRequest, "Required");
        var done = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/complete", new { result = "准予许可，核发营业执照" });
        Assert.Equal("completed", Status(done));
        Assert.Null(done["deadline"]);
        var picked = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/pick-up");
        Assert.Equal("pickedUp", Status(picked));
        Assert.Empty(picked["nextStates"]!.AsArray());
        var materials = await s.Staff.PutAsync($"/api/cases/{caseId}/materials", new { receivedMaterialIds = Array.Empty<Guid>() });
        await Expect.ProblemAsync(materials, HttpStatusCode.Conflict, "CaseStateConflict");
    }

    [Fact]
    public async Task TickMaterials_UnknownMaterial_Refused_KnownTicked()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var bad = await s.Staff.PutAsync($"/api/cases/{caseId}/materials", new { receivedMaterialIds = new[] { Guid.NewGuid() } });
        await Expect.ProblemAsync(bad, HttpStatusCode.BadRequest, "MaterialNotFound");
        var ok = await s.Staff.PutAsync($"/api/cases/{caseId}/materials", new { receivedMaterialIds = new[] { s.Materials[1] } });
        await Expect.StatusAsync(ok, HttpStatusCode.OK);
        var view = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([false, true, false], view["materials"]!.AsArray().Select(m => m!["received"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Documents_ReceiptAndNotice_PrintedWithHallCounterBadgeAndDates()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s, s.Materials[0]))["id"]!.GetValue<Guid>();
        var noticed = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/one-time-notice", new { });
        var notice = noticed["notices"]![0]!;
        var noticePage = await s.Staff.GetAsync($"/cases/{caseId}/notices/{notice["id"]}");
        await Expect.StatusAsync(noticePage, HttpStatusCode.OK);
        var html = await noticePage.Content.ReadAsStringAsync();
        Assert.Contains("一次性告知书", html);
        Assert.Contains(notice["number"]!.GetValue<string>(), html);
        Assert.Contains("身份证", html);
        Assert.Contains("1号窗口", html);
        Assert.Contains("9001", html); // badge number
        Assert.Contains("测试大厅", html);
        Assert.Contains(Zh(app.Today), html);
        Assert.Contains("复印件须用 A4 纸。", html); // the item's special points

        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/resubmit", new { receivedMaterialIds = new[] { s.Materials[0], s.Materials[1] } });
        var accepted = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/accept", new { });
        var due = DateOnly.Parse(accepted["dueDate"]!.GetValue<string>());
        var pickup = DateOnly.Parse(accepted["pickupDate"]!.GetValue<string>());
        Assert.True(pickup > due); // the guide says one working day after completion
        var receipt = await (await s.Staff.GetAsync($"/cases/{caseId}/receipt")).Content.ReadAsStringAsync();
        Assert.Contains("受理回执", receipt);
        Assert.Contains(accepted["receiptNumber"]!.GetValue<string>(), receipt);
        Assert.Contains(Zh(due), receipt);
        Assert.Contains("请您于" + Zh(pickup), receipt);
        Assert.Contains("承诺件：3 个工作日", receipt);
        var en = await (await s.Staff.GetAsync($"/cases/{caseId}/receipt?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("Acceptance receipt", en);
        Assert.Contains(pickup.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")), en);

        // Each printed name is a read of personal data in clear, on record.
        var reads = await app.WithDbAsync(db => db.PersonalDataReads.CountAsync(r => r.SubjectId == caseId));
        Assert.Equal(3, reads);
        var refusalPage = await s.Staff.GetAsync($"/cases/{caseId}/refusal");
        Assert.Equal(HttpStatusCode.Conflict, refusalPage.StatusCode);
    }

    [Fact]
    public async Task Applicant_RevealedOnlyWithPurpose_AndAudited()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var stored = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.DoesNotContain("张三丰", stored.ApplicantNameCipher);
        Assert.DoesNotContain(IdNumber, stored.ApplicantIdNumberCipher);

        var noPurpose = await s.Staff.PostAsync($"/api/cases/{caseId}/applicant/reveal", new { });
        await Expect.ProblemAsync(noPurpose, HttpStatusCode.BadRequest, "Required");
        var clear = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/applicant/reveal", new { purpose = "核对身份" });
        Assert.Equal("张三丰", clear["name"]!.GetValue<string>());
        Assert.Equal(IdNumber, clear["idNumber"]!.GetValue<string>());
        Assert.Equal("13812345678", clear["phone"]!.GetValue<string>());
        var reads = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.SubjectId == caseId).ToListAsync());
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal("核对身份", r.Purpose));
    }

    public static TheoryData<string, string, string> BadRegistrations() => new()
    {
        { "", IdNumber, "Required" },
        { "张三丰", "", "Required" },
        { "张三丰", "110105194912310021", "IdNumberInvalid" }, // wrong check digit
        { "张三丰", "11010519491231002*", "IdNumberInvalid" },
        { new string('张', 51), IdNumber, "TooLong" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_BadApplicant_Refused(string name, string idNumber, string code)
    {
        var s = await ServeAsync(app);
        var response = await s.Staff.PostAsync($"/api/halls/{s.Hall.Id}/cases",
            new { ticketId = s.Ticket.Id, applicantName = name, applicantIdNumber = idNumber });
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.HallId == s.Hall.Id)));
    }

    [Fact]
    public async Task Register_BadPhone_And_ItemWithoutGuide_And_TicketOfOtherCounter_Refused()
    {
        var s = await ServeAsync(app);
        var phone = await s.Staff.PostAsync($"/api/halls/{s.Hall.Id}/cases",
            new { ticketId = s.Ticket.Id, applicantName = "李四", applicantIdNumber = IdNumber, applicantPhone = "12ab" });
        await Expect.ProblemAsync(phone, HttpStatusCode.BadRequest, "PhoneInvalid");
        var noGuide = await s.Staff.PostAsync($"/api/halls/{s.Hall.Id}/cases",
            new { serviceItemId = s.Hall.Item("B"), applicantName = "李四", applicantIdNumber = IdNumber });
        await Expect.ProblemAsync(noGuide, HttpStatusCode.Conflict, "GuideMissing");
        var colleague = app.Api(s.Hall.Staff[1]);
        var notMine = await colleague.PostAsync($"/api/halls/{s.Hall.Id}/cases",
            new { ticketId = s.Ticket.Id, applicantName = "李四", applicantIdNumber = IdNumber });
        await Expect.ProblemAsync(notMine, HttpStatusCode.Conflict, "CounterNotOpenedByYou");
        var unknownTicket = await s.Staff.PostAsync($"/api/halls/{s.Hall.Id}/cases",
            new { ticketId = Guid.NewGuid(), applicantName = "李四", applicantIdNumber = IdNumber });
        await Expect.ProblemAsync(unknownTicket, HttpStatusCode.NotFound, "TicketNotFound");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    [InlineData("display1", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task CaseRoutes_WrongRole_Refused(string? user, HttpStatusCode status)
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var api = app.Api(user);
        Assert.Equal(status, (await api.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(status, (await api.GetAsync($"/api/halls/{s.Hall.Id}/cases")).StatusCode);
        Assert.Equal(status, (await api.PostAsync($"/api/cases/{caseId}/accept", new { })).StatusCode);
        Assert.Equal(status, (await api.PostAsync($"/api/halls/{s.Hall.Id}/cases", new { applicantName = "x" })).StatusCode);
        var page = await api.GetAsync($"/cases/{caseId}/receipt");
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Redirect
            || page.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/login"), page.StatusCode.ToString());
    }

    [Fact]
    public async Task StaffOfAnotherHall_DoesNotSeeTheCase()
    {
        var s = await ServeAsync(app);
        var caseId = (await RegisterAsync(s))["id"]!.GetValue<Guid>();
        var other = await TestHall.CreateAsync(app);
        var stranger = app.Api(other.Staff[0]);
        // The hall policy refuses before the case is read (ADR-017); case ids are random, so 403 tells nothing useful.
        await Expect.ProblemAsync(await stranger.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.PostAsync($"/api/cases/{caseId}/withdraw", new { reason = "x" }), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.GetAsync($"/api/halls/{s.Hall.Id}/cases"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.GetAsync($"/api/cases/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "CaseNotFound");
    }
}

public sealed class SqliteCaseFlowTests(SqliteHallApp app) : CaseFlowTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCaseFlowTests(PostgresHallApp app) : CaseFlowTests(app), IClassFixture<PostgresHallApp>;
