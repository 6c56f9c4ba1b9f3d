using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Standards.StandardsFlows;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// Issue 15's chain from one end to the other: a citizen who waits over 10 minutes (Q5) gives the staff member who called
/// them a red card from the standards scan, and that card, with the wait itself, lowers their monthly score.
/// </summary>
public abstract class WaitToScoreTests(HallApp app)
{
    [Fact]
    public async Task WaitOverTenMinutes_GivesARedCard_AndALowerScore()
    {
        // The hall monitor scans alerts on every change: an empty counter's alert would give cards of its own.
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: h => h.UnstaffedGraceMinutes = 24 * 60);
        var staffId = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var staff = app.Api(hall.Staff[0]);
        var supervisor = app.Api(hall.Supervisor);
        await staff.OpenAsync(hall.Counters[0]);
        async Task ServeAsync(int waitMinutes)
        {
            var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
            app.Clock.Advance(TimeSpan.FromMinutes(waitMinutes));
            Assert.Equal(ticket.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
            await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
            app.Clock.Advance(TimeSpan.FromMinutes(3));
            await staff.ActAsync(hall.Counters[0], ticket.Id, "finish");
        }
        var today = new HallClock("Asia/Shanghai").BusinessDay(app.Clock.GetUtcNow().UtcDateTime);
        var url = $"/api/halls/{hall.Id}/assessment?year={today.Year}&month={today.Month}&scope=staff";
        async Task<JsonObject> MineAsync() => (await supervisor.GetOkAsync<JsonObject>(url))["rows"]!.AsArray()
            .Select(r => r!.AsObject()).Single(r => r["unitId"]!.GetValue<Guid>() == staffId);
        static double Points(JsonObject row, string indicator) =>
            row["figures"]!.AsArray().Single(f => f.Str("indicator") == indicator)!["points"]!.GetValue<double>();

        await ServeAsync(2);
        Assert.Equal(0, await ScanCardsAsync(app, hall.Id));
        var before = await MineAsync();
        Assert.Equal(100, Points(before, "redCards"));
        Assert.Equal(100, Points(before, "waitsOverTarget"));

        await ServeAsync(11);
        Assert.Equal(1, await ScanCardsAsync(app, hall.Id));
        var after = await MineAsync();
        Assert.Equal(85, Points(after, "redCards"));
        Assert.Equal(95, Points(after, "waitsOverTarget"));
        Assert.True(after["total"]!.GetValue<double>() < before["total"]!.GetValue<double>(),
            $"the total went from {before["total"]} to {after["total"]}");
    }
}

public sealed class SqliteWaitToScoreTests(SqliteHallApp app) : WaitToScoreTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresWaitToScoreTests(PostgresHallApp app) : WaitToScoreTests(app), IClassFixture<PostgresHallApp>;
