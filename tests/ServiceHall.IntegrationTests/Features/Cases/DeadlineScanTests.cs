using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Cases;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.IntegrationTests.Realtime;

namespace ServiceHall.IntegrationTests.Features.Cases;

public abstract class DeadlineScanTests(HallApp app)
{
    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hallId, CancellationToken.None);
    }

    private Task<List<Alert>> OpenAsync(Guid hallId) =>
        app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null && ScanDeadlines.Kinds.Contains(a.Kind)).ToListAsync());

    [Fact]
    public async Task AcceptedCase_WarnedThenOverdue_ListedPerDepartment_ClearedWhenCompleted()
    {
        // The fake clock only moves forward; this class's tests share it, so each test reads its own case's dates.
        var s = await CaseFlowTests.ServeAsync(app, Guides.ServiceGuideTests.Guide(promisedDays: 1));
        await using var screen = await HallHubClient.ConnectAsync(app, s.Hall.Id);
        var accepted = await s.Staff.PostOkAsync<JsonObject>(
            $"/api/cases/{(await CaseFlowTests.RegisterAsync(s, s.Materials[0], s.Materials[1]))["id"]}/accept", new { });
        var caseId = accepted["id"]!.GetValue<Guid>();
        Assert.Equal("dueSoon", accepted["deadline"]!.GetValue<string>()); // one working day: the warning starts today
        await ScanAsync(s.Hall.Id);
        var warning = Assert.Single(await OpenAsync(s.Hall.Id));
        Assert.Equal(AlertKind.CaseDueSoon, warning.Kind);
        Assert.Equal(caseId, warning.SubjectId);
        var raised = await screen.WaitForAsync("AlertRaised", e => e["kind"]!.GetValue<string>() == "caseDueSoon");
        Assert.Equal(caseId, raised["subjectId"]!.GetValue<Guid>());

        var supervisor = app.Api(s.Hall.Supervisor);
        Assert.Empty(await supervisor.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/overdue-cases"));

        // Past the due day's closing time (and over any weekend or holiday in between).
        var due = DateOnly.Parse(accepted["dueDate"]!.GetValue<string>());
        while (app.Today <= due)
            app.Clock.Advance(TimeSpan.FromDays(1));
        await ScanAsync(s.Hall.Id);
        var overdue = Assert.Single(await OpenAsync(s.Hall.Id));
        Assert.Equal(AlertKind.CaseOverdue, overdue.Kind);
        await screen.WaitForAsync("AlertCleared", e => e["kind"]!.GetValue<string>() == "caseDueSoon");
        var alerts = await supervisor.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/alerts");
        Assert.Single(alerts, a => a!["kind"]!.GetValue<string>() == "caseOverdue");

        var perDepartment = await supervisor.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/overdue-cases");
        var department = Assert.Single(perDepartment)!;
        Assert.Equal("综合", department["departmentName"]!.GetValue<string>());
        var listed = Assert.Single(department["cases"]!.AsArray())!;
        Assert.Equal(caseId, listed["id"]!.GetValue<Guid>());
        Assert.True(listed["daysOverdue"]!.GetValue<int>() >= 1);
        Assert.Equal("张**", listed["applicantName"]!.GetValue<string>());
        var byStaff = await s.Staff.GetAsync($"/api/halls/{s.Hall.Id}/overdue-cases");
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/complete", new { result = "办结" });
        await ScanAsync(s.Hall.Id);
        Assert.Empty(await OpenAsync(s.Hall.Id));
        Assert.Empty(await supervisor.GetOkAsync<JsonArray>($"/api/halls/{s.Hall.Id}/overdue-cases"));
    }

    [Fact]
    public async Task QueueScan_LeavesDeadlineAlertsAlone()
    {
        var s = await CaseFlowTests.ServeAsync(app, Guides.ServiceGuideTests.Guide(promisedDays: 1));
        await s.Staff.PostOkAsync<JsonObject>(
            $"/api/cases/{(await CaseFlowTests.RegisterAsync(s, s.Materials[0], s.Materials[1]))["id"]}/accept", new { });
        await ScanAsync(s.Hall.Id);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(s.Hall.Id, CancellationToken.None);
        Assert.Single(await OpenAsync(s.Hall.Id), a => a.Kind == AlertKind.CaseDueSoon);
    }
}

public sealed class SqliteDeadlineScanTests(SqliteHallApp app) : DeadlineScanTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDeadlineScanTests(PostgresHallApp app) : DeadlineScanTests(app), IClassFixture<PostgresHallApp>;
