using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Cases;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Cases;

/// <summary>行政许可法 art. 42 (extension) and art. 45 (the clock pauses) on a running case, through the API.</summary>
public abstract class SpecialProcedureTests(HallApp app)
{
    private readonly WorkingDayCalendar _calendar = HallCalendar.From([]).Calendar;

    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hallId, CancellationToken.None);
    }

    private Task<List<Alert>> OpenAlertsAsync(Guid hallId) =>
        app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null && ScanDeadlines.Kinds.Contains(a.Kind)).ToListAsync());

    private static DateOnly Date(JsonNode? node) => DateOnly.Parse(node!.GetValue<string>());

    private async Task<(CaseFlowTests.Served S, Guid CaseId, JsonObject Accepted)> AcceptedAsync()
    {
        var s = await CaseFlowTests.ServeAsync(app, Guides.ServiceGuideTests.Guide(promisedDays: 1));
        var registered = await CaseFlowTests.RegisterAsync(s, s.Materials[0], s.Materials[1]);
        var accepted = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{registered["id"]}/accept", new { });
        return (s, accepted["id"]!.GetValue<Guid>(), accepted);
    }

    [Fact]
    public async Task Extend_BySupervisorOnce_MovesDueAndPickup_ClearsTheWarning_PrintsTheNotice()
    {
        var (s, caseId, accepted) = await AcceptedAsync();
        var due = Date(accepted["dueDate"]);
        await ScanAsync(s.Hall.Id);
        Assert.Single(await OpenAlertsAsync(s.Hall.Id), a => a.Kind == AlertKind.CaseDueSoon && a.SubjectId == caseId);

        // Staff may not extend: art. 42 needs the approval of the office's head.
        await Expect.ProblemAsync(await s.Staff.PostAsync($"/api/cases/{caseId}/extend", new { reason = "需现场核查" }),
            HttpStatusCode.Forbidden);
        var supervisor = app.Api(s.Hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/cases/{caseId}/extend", new { reason = " " }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/cases/{caseId}/extend", new { reason = "x", workingDays = 31 }),
            HttpStatusCode.BadRequest, "OutOfRange");

        var extended = await supervisor.PostOkAsync<JsonObject>($"/api/cases/{caseId}/extend", new { reason = "需现场核查经营场所" });
        var expected = _calendar.AddWorkingDays(due, 10);
        Assert.Equal(expected, Date(extended["dueDate"]));
        Assert.Equal(due, Date(extended["originalDueDate"]));
        Assert.Equal(_calendar.AddWorkingDays(expected, 1), Date(extended["pickupDate"])); // the guide picks up one working day after
        Assert.Equal(10, extended["extensionDays"]!.GetValue<int>());
        Assert.Matches(@"^YQ\d{10}$", extended["extensionNumber"]!.GetValue<string>());
        Assert.Equal("onTime", extended["deadline"]!.GetValue<string>());
        var step = extended["events"]!.AsArray().Last()!;
        Assert.Equal("extended", step["step"]!.GetValue<string>());
        Assert.Equal("需现场核查经营场所", step["note"]!.GetValue<string>());
        Assert.Equal("accepted", step["toStatus"]!.GetValue<string>());

        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/cases/{caseId}/extend", new { reason = "再延" }),
            HttpStatusCode.Conflict, "CaseAlreadyExtended");

        // The scan reads the new due date: the warning clears.
        await ScanAsync(s.Hall.Id);
        Assert.DoesNotContain(await OpenAlertsAsync(s.Hall.Id), a => a.SubjectId == caseId);

        var notice = await s.Staff.GetAsync($"/cases/{caseId}/extension");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        var html = await notice.Content.ReadAsStringAsync();
        Assert.Contains("延期告知书", html);
        Assert.Contains("需现场核查经营场所", html);
        Assert.Contains("第四十二条", html);
        Assert.Contains($"{expected.Year}年{expected.Month}月{expected.Day}日", html);
    }

    [Fact]
    public async Task Pause_StopsWarningsAndOverdue_Resume_MovesTheDueDateByThePausedWorkingDays()
    {
        var (s, caseId, accepted) = await AcceptedAsync();
        var due = Date(accepted["dueDate"]);
        await ScanAsync(s.Hall.Id);
        Assert.Single(await OpenAlertsAsync(s.Hall.Id), a => a.SubjectId == caseId);

        await Expect.ProblemAsync(await s.Staff.PostAsync($"/api/cases/{caseId}/clock/pause", new { reason = "专家评审" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await s.Staff.PostAsync($"/api/cases/{caseId}/clock/resume"), HttpStatusCode.Conflict, "CaseClockNotPaused");
        var paused = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/clock/pause",
            new { kind = "expertReview", reason = "组织专家评审消防设计" });
        Assert.True(paused["clockPaused"]!.GetValue<bool>());
        Assert.Equal("paused", paused["deadline"]!.GetValue<string>());
        var pause = Assert.Single(paused["pauses"]!.AsArray())!;
        Assert.Matches(@"^TZ\d{10}$", pause["number"]!.GetValue<string>());
        var pausedDay = Date(pause["pausedDay"]);
        await Expect.ProblemAsync(await s.Staff.PostAsync($"/api/cases/{caseId}/clock/pause", new { kind = "hearing", reason = "听证" }),
            HttpStatusCode.Conflict, "CaseClockAlreadyPaused");

        // While paused: no warning, and past the old due date no overdue alert and no overdue listing.
        await ScanAsync(s.Hall.Id);
        Assert.DoesNotContain(await OpenAlertsAsync(s.Hall.Id), a => a.SubjectId == caseId);
        while (_calendar.WorkingDaysBetween(pausedDay, app.Today) < 2 || app.Today <= due)
            app.Clock.Advance(TimeSpan.FromDays(1));
        await ScanAsync(s.Hall.Id);
        Assert.DoesNotContain(await OpenAlertsAsync(s.Hall.Id), a => a.SubjectId == caseId);
        var supervisor = app.Api(s.Hall.Supervisor);
        Assert.DoesNotContain(await supervisor.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/overdue-cases"),
            d => d!["cases"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == caseId));

        var resumed = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/clock/resume");
        var days = SpecialProcedures.PausedWorkingDays(_calendar, pausedDay, app.Today);
        Assert.True(days >= 2);
        Assert.False(resumed["clockPaused"]!.GetValue<bool>());
        Assert.Equal(days, resumed["pausedWorkingDays"]!.GetValue<int>());
        Assert.Equal(days, resumed["pauses"]![0]!["workingDays"]!.GetValue<int>());
        Assert.Equal(SpecialProcedures.AfterPause(_calendar, due, days), Date(resumed["dueDate"]));
        Assert.Equal(due, Date(resumed["originalDueDate"]));
        Assert.Equal(["clockPaused", "clockResumed"],
            resumed["events"]!.AsArray().Where(e => e!["step"] is not null).Select(e => e!["step"]!.GetValue<string>()));

        var notice = await s.Staff.GetAsync($"/cases/{caseId}/pauses/{pause["id"]}");
        var html = await notice.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("特别程序告知书", html);
        Assert.Contains("专家评审", html);
        Assert.Contains("第四十五条", html);
    }

    [Fact]
    public async Task Pause_OfAnOverdueCase_IsRefused_AndCompletionEndsAPause()
    {
        var (s, caseId, accepted) = await AcceptedAsync();
        var due = Date(accepted["dueDate"]);
        var (s2, running, _) = await AcceptedAsync();
        await s2.Staff.PostOkAsync<JsonObject>($"/api/cases/{running}/clock/pause", new { kind = "testing", reason = "样品送检" });
        while (app.Today <= due)
            app.Clock.Advance(TimeSpan.FromDays(1));

        await Expect.ProblemAsync(await s.Staff.PostAsync($"/api/cases/{caseId}/clock/pause", new { kind = "hearing", reason = "听证" }),
            HttpStatusCode.Conflict, "CaseOverdueCannotPause");

        var completed = await s2.Staff.PostOkAsync<JsonObject>($"/api/cases/{running}/complete", new { result = "准予许可" });
        Assert.False(completed["clockPaused"]!.GetValue<bool>());
        Assert.NotNull(completed["pauses"]![0]!["resumedAt"]);
        Assert.Null(completed["deadline"]);
    }

    [Fact]
    public async Task CounterDeadlines_ListTheStaffMembersDueCases_AndTheServedTicketsPromise()
    {
        var (s, caseId, accepted) = await AcceptedAsync();
        var mine = await s.Staff.GetOkAsync<JsonObject>($"/api/halls/{s.Hall.Id}/counter-deadlines");
        Assert.Equal(s.Ticket.Number, mine["ticketNumber"]!.GetValue<string>());
        var ticketCase = Assert.Single(mine["ticketCases"]!.AsArray())!;
        Assert.Equal(Date(accepted["dueDate"]), Date(ticketCase["dueDate"]));
        var listed = Assert.Single(mine["cases"]!.AsArray())!;
        Assert.Equal(caseId, listed["id"]!.GetValue<Guid>());
        Assert.Equal("dueSoon", listed["deadline"]!.GetValue<string>());
        Assert.Equal("张**", listed["applicantName"]!.GetValue<string>());

        // Another staff member without the counter sees none of it; a paused case leaves the list.
        var other = app.Api(s.Hall.Staff[1]);
        Assert.Empty((await other.GetOkAsync<JsonObject>($"/api/halls/{s.Hall.Id}/counter-deadlines"))["cases"]!.AsArray());
        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/clock/pause", new { kind = "appraisal", reason = "鉴定" });
        Assert.Empty((await s.Staff.GetOkAsync<JsonObject>($"/api/halls/{s.Hall.Id}/counter-deadlines"))["cases"]!.AsArray());
    }
}

public sealed class SqliteSpecialProcedureTests(SqliteHallApp app) : SpecialProcedureTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSpecialProcedureTests(PostgresHallApp app) : SpecialProcedureTests(app), IClassFixture<PostgresHallApp>;
