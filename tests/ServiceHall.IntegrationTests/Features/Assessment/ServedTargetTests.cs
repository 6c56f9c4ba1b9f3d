using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Assessment.AssessmentMonth;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// A hall sets its own target of tickets served per staff member and working day attended (ADR-024): staff are scored
/// against it × their days attended, counters and departments keep the month's best; the change is audited, checked, and
/// a closed month keeps the target it was closed with.
/// </summary>
public abstract class ServedTargetTests(HallApp app)
{
    private static JsonObject Served(JsonObject report, Guid unit) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["unitId"]!.GetValue<Guid>() == unit)["figures"]!.AsArray()
            .Single(f => f.Str("indicator") == "ticketsServed")!.AsObject();

    private static (double Figure, double? Target, double Points) Of(JsonObject figure) =>
        (figure["figure"]!.GetValue<double>(), figure["target"]?.GetValue<double>(), figure["points"]!.GetValue<double>());

    [Fact]
    public async Task Target_PerDayAttended_ScoresStaff_Audited_Checked_FrozenWithTheMonth()
    {
        var m = await CreateAsync(app);
        var supervisor = app.Api(m.Hall.Supervisor);
        var url = $"/api/halls/{m.Hall.Id}/assessment";
        Assert.Null((await supervisor.GetOkAsync<JsonObject>($"{url}/served-target"))["perDay"]);

        await Expect.ProblemAsync(await supervisor.PutAsync($"{url}/served-target", new { perDay = 0 }), HttpStatusCode.BadRequest, "OutOfRange");
        var en = await Expect.ProblemAsync(await supervisor.PutAsync($"{url}/served-target", new { perDay = 501 }, "en"), HttpStatusCode.BadRequest,
            "OutOfRange");
        Assert.Contains("500", en.Str("detail"));
        await Expect.ProblemAsync(await app.Api((await TestHall.CreateAsync(app)).Supervisor).PutAsync($"{url}/served-target", new { perDay = 1 }),
            HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync(db => db.AssessmentServedTargets.CountAsync(t => t.HallId == m.Hall.Id)));

        Assert.Equal(1, (await supervisor.PutOkAsync<JsonObject>($"{url}/served-target", new { perDay = 1 }))["perDay"]!.GetValue<int>());
        var audit = await app.WithDbAsync(db => db.AssessmentEvents.Where(e => e.HallId == m.Hall.Id).SingleAsync());
        Assert.Equal((AssessmentAction.ServedTargetChanged, "TicketsServed target none→1"), (audit.Action, audit.Detail));

        // Staff 1 attended every working day but the one absent (late and early days are attended), staff 2 every one.
        var attended = m.Working.Count - 1;
        static double Percent(int served, int target) => Math.Round(100.0 * served / target, 1, MidpointRounding.AwayFromZero);
        var report = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=staff");
        Assert.Equal(1, report["servedTargetPerDay"]!.GetValue<int>());
        Assert.Equal((4.0, (double?)attended, Percent(4, attended)), Of(Served(report, m.Staff1)));
        Assert.Equal((2.0, (double?)m.Working.Count, Percent(2, m.Working.Count)), Of(Served(report, m.Staff2)));
        // A counter has no days attended: still the month's best (counter 1's 4).
        var counters = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=counter");
        Assert.Equal((4.0, (double?)null, 100.0), Of(Served(counters, m.Hall.Counters[0])));

        // Closed, the month keeps its target; a later change applies to open months only.
        await supervisor.PostOkAsync<JsonObject>($"{url}/months/2026/10/close");
        await supervisor.PutOkAsync<JsonObject>($"{url}/served-target", new { perDay = 2 });
        report = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=staff");
        Assert.Equal(1, report["servedTargetPerDay"]!.GetValue<int>());
        Assert.Equal((4.0, (double?)attended, Percent(4, attended)), Of(Served(report, m.Staff1)));
        var november = await supervisor.GetOkAsync<JsonObject>($"{url}?year=2026&month=11&scope=staff");
        Assert.Equal(2, november["servedTargetPerDay"]!.GetValue<int>());

        // Cleared, tickets served are scored against the month's best again.
        Assert.Null((await supervisor.PutOkAsync<JsonObject>($"{url}/served-target", new { perDay = (int?)null }))["perDay"]);
        Assert.Equal(["TicketsServed target none→1", "TicketsServed target 1→2", "TicketsServed target 2→none"],
            await app.WithDbAsync(db => db.AssessmentEvents.Where(e => e.HallId == m.Hall.Id && e.Action == AssessmentAction.ServedTargetChanged)
                .OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync()));
        Assert.Null((await supervisor.GetOkAsync<JsonObject>($"{url}?year=2026&month=11&scope=staff"))["servedTargetPerDay"]);
    }
}

public sealed class SqliteServedTargetTests(SqliteHallApp app) : ServedTargetTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresServedTargetTests(PostgresHallApp app) : ServedTargetTests(app), IClassFixture<PostgresHallApp>;
