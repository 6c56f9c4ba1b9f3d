using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Tallies;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Tallies;

/// <summary>
/// The days' ticket tallies (ADR-026): a day's figures are the same read live and from its tally, closing a day tallies
/// it, a decided day is tallied on its first read and once, a span mixes tallied days with today's live ones, and a
/// no-show re-queued after its day was tallied drops the tally.
/// </summary>
public abstract class DayTallyTests(HallApp app)
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    private static readonly string[] TicketRules = ["waitsCalledInTime", "longestWait", "expiredTickets", "callsOutOfOrder"];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>
    /// Five tickets, all decided by the evening: at counter 1 staff[0] serves the first (3 minutes' wait, 4 of service),
    /// misses the second (14), calls a later B ticket out of order (11) and serves it, transfers the next (16); at counter 2
    /// staff[1] serves the last one (16) and then the transferred ticket.
    /// </summary>
    private async Task<(TestHall Hall, DateOnly Day)> ScriptedDayAsync()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.UnstaffedGraceMinutes = 24 * 60);
        var day = app.Today;
        var kiosk = app.Api(hall.Kiosk);
        var (counter0, counter1) = (hall.Counters[0], hall.Counters[1]);
        var staff0 = app.Api(hall.Staff[0]);
        var staff1 = app.Api(hall.Staff[1]);
        foreach (var item in new[] { "A", "A", "A", "B" })
            await kiosk.IssueAsync(hall.Id, hall.Item(item));

        await staff0.OpenAsync(counter0);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var first = (await staff0.CallNextAsync(counter0))!;
        var chosen = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        await staff0.ActAsync(counter0, first.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await staff0.ActAsync(counter0, first.Id, "finish");
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var second = (await staff0.CallNextAsync(counter0))!;
        await staff0.ActAsync(counter0, second.Id, "no-show");
        await staff0.PostOkAsync<TicketDto>($"/api/counters/{counter0}/tickets/{chosen.Id}/call", new { reason = "预约优先" });
        await staff0.ActAsync(counter0, chosen.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await staff0.ActAsync(counter0, chosen.Id, "finish");
        await staff1.OpenAsync(counter1);
        var fourth = (await staff1.CallNextAsync(counter1))!;
        var third = (await staff0.CallNextAsync(counter0))!;
        var other = third.ServiceItemId == hall.Item("A") ? hall.Item("B") : hall.Item("A");
        await staff0.ActAsync(counter0, third.Id, "transfer", new { toServiceItemId = other, reason = "属于另一事项" });
        await staff1.ActAsync(counter1, fourth.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff1.ActAsync(counter1, fourth.Id, "finish");
        var moved = (await staff1.CallNextAsync(counter1))!;
        await staff1.ActAsync(counter1, moved.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff1.ActAsync(counter1, moved.Id, "finish");
        return (hall, day);
    }

    /// <summary>What the manager's pages show of a day: its ledger, its ticket rules per scope, its past figures.</summary>
    private async Task<JsonObject> PagesAsync(TestHall hall, DateOnly day)
    {
        var supervisor = app.Api(hall.Supervisor);
        var pages = new JsonObject
        {
            ["ledger"] = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={Iso(day)}&to={Iso(day)}"),
            ["figures"] = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/statistics/figures?from={Iso(day)}&to={Iso(day)}"),
        };
        foreach (var scope in new[] { "hall", "department", "counter", "staff" })
        {
            var report = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standards?period=day&date={Iso(day)}&scope={scope}");
            pages[scope] = new JsonArray([.. report["cells"]!.AsArray()
                .Where(c => TicketRules.Contains(c!["rule"]!.GetValue<string>())).Select(c => c!.DeepClone())]);
        }
        return pages;
    }

    private static JsonNode Cell(JsonObject pages, string scope, string rule) =>
        pages[scope]!.AsArray().Single(c => c!["rule"]!.GetValue<string>() == rule)!;

    private Task<bool> TalliedAsync(Guid hallId, DateOnly day) =>
        app.WithDbAsync(db => db.Set<TalliedDay>().AnyAsync(d => d.HallId == hallId && d.Day == day));

    private async Task<DayTallies> ReadAsync(Guid hallId, DateOnly from, DateOnly to)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReadDayTallies>().HandleAsync(hallId, from, to, CancellationToken.None);
    }

    /// <summary>Tally rows in one order, as text, to compare two reads.</summary>
    private static string Text(IEnumerable<TicketTally> rows) => JsonSerializer.Serialize(rows
        .OrderBy(t => t.Day).ThenBy(t => t.CounterId).ThenBy(t => t.UserId).ThenBy(t => t.ServiceItemId));

    [Fact]
    public async Task ScriptedDay_ReadLiveAndFromItsTally_SameFigures()
    {
        var (hall, day) = await ScriptedDayAsync();
        var live = await PagesAsync(hall, day);
        Assert.False(await TalliedAsync(hall.Id, day));

        app.Clock.Advance(TimeSpan.FromDays(1));
        var tallied = await PagesAsync(hall, day);

        Assert.True(await TalliedAsync(hall.Id, day));
        Assert.Equal(live.ToJsonString(), tallied.ToJsonString());
        // The figures themselves: five walk-ins' waits of 3, 14, 11, 16 and 16 minutes, one within the limit of 10.
        var share = Cell(tallied, "hall", "waitsCalledInTime");
        Assert.Equal((20.0, 5, 4, "red"), (share["value"]!.GetValue<double>(), share["records"]!.GetValue<int>(), share["missed"]!.GetValue<int>(),
            share["verdict"]!.GetValue<string>()));
        var longest = Cell(tallied, "hall", "longestWait");
        Assert.Equal((16.0, 5, 4), (longest["value"]!.GetValue<double>(), longest["records"]!.GetValue<int>(), longest["missed"]!.GetValue<int>()));
        Assert.Equal(1, Cell(tallied, "hall", "callsOutOfOrder")["value"]!.GetValue<double>());
        var staff0 = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var own = tallied["staff"]!.AsArray().Single(c => c!["rule"]!.GetValue<string>() == "waitsCalledInTime"
            && c["unitId"]!.GetValue<Guid>() == staff0)!;
        Assert.Equal((25.0, 4), (own["value"]!.GetValue<double>(), own["records"]!.GetValue<int>()));
        var total = tallied["figures"]!["total"]!;
        Assert.Equal((5, 4, 1, 0), (total["issued"]!.GetValue<int>(), total["served"]!.GetValue<int>(), total["noShows"]!.GetValue<int>(),
            total["waiting"]!.GetValue<int>()));
        Assert.Equal(4, tallied["ledger"]!["items"]!.AsArray().Sum(r => r!["served"]!.GetValue<int>()));
    }

    [Fact]
    public async Task CloseDay_TalliesItsTickets_AsTheLiveStatementSumsThem()
    {
        var (hall, day) = await ScriptedDayAsync();
        var live = await ReadAsync(hall.Id, day, day);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var response = await app.Api(hall.Supervisor).PostAsync($"/api/halls/{hall.Id}/business-days/{Iso(day)}/close");

        await Expect.StatusAsync(response, HttpStatusCode.NoContent);
        Assert.True(await TalliedAsync(hall.Id, day));
        var stored = await app.WithDbAsync(db => db.Set<DayTally>().Where(t => t.HallId == hall.Id && t.Day == day).ToListAsync());
        Assert.Equal(Text(live.Tickets), Text(stored.Select(t => t.ToTally())));
        Assert.Equal(5, stored.Sum(t => t.Issued));
        var hours = await app.WithDbAsync(db => db.Set<HourTally>().Where(t => t.HallId == hall.Id && t.Day == day).ToListAsync());
        Assert.Equal((5, 4), (hours.Sum(h => h.Issued), hours.Sum(h => h.Served)));
    }

    [Fact]
    public async Task DecidedDayWithoutTally_TwoReadsAtOnce_TalliedOnce()
    {
        var (hall, day) = await ScriptedDayAsync();
        var live = await ReadAsync(hall.Id, day, day);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var reads = await Task.WhenAll(ReadAsync(hall.Id, day, day), ReadAsync(hall.Id, day, day));

        Assert.All(reads, r => Assert.Equal(Text(live.Tickets), Text(r.Tickets)));
        var (marks, rows) = await app.WithDbAsync(async db => (
            await db.Set<TalliedDay>().CountAsync(d => d.HallId == hall.Id && d.Day == day),
            await db.Set<DayTally>().CountAsync(t => t.HallId == hall.Id && t.Day == day)));
        Assert.Equal((1, live.Tickets.Count), (marks, rows));
        // A later read takes the tally as it is.
        Assert.Equal(Text(live.Tickets), Text((await ReadAsync(hall.Id, day, day)).Tickets));
        Assert.Equal(rows, await app.WithDbAsync(db => db.Set<DayTally>().CountAsync(t => t.HallId == hall.Id && t.Day == day)));
    }

    [Fact]
    public async Task SpanOfTalliedDaysAndToday_TodayLiveWithItsOpenTicket()
    {
        var (hall, day) = await ScriptedDayAsync();
        app.Clock.Advance(TimeSpan.FromDays(2));
        var today = app.Today;
        var waiting = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));

        var ledger = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={Iso(day)}&to={Iso(today)}");
        var figures = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>(
            $"/api/halls/{hall.Id}/statistics/figures?from={Iso(day)}&to={Iso(today)}");

        // The scripted day and the empty day between are tallied; today is read live, its ticket still waiting.
        Assert.True(await TalliedAsync(hall.Id, day));
        Assert.True(await TalliedAsync(hall.Id, day.AddDays(1)));
        Assert.False(await TalliedAsync(hall.Id, today));
        Assert.Equal(4, ledger["items"]!.AsArray().Where(r => r!["periodStart"]!.GetValue<string>() == Iso(day)).Sum(r => r!["served"]!.GetValue<int>()));
        var days = figures["days"]!.AsArray();
        Assert.Equal([Iso(day), Iso(today)], days.Select(d => d!["day"]!.GetValue<string>()));
        Assert.Equal((1, 1), (days[1]!["figures"]!["issued"]!.GetValue<int>(), days[1]!["figures"]!["waiting"]!.GetValue<int>()));
        Assert.Equal((6, 1), (figures["total"]!["issued"]!.GetValue<int>(), figures["total"]!["waiting"]!.GetValue<int>()));
        Assert.Equal("waiting", (await app.Api().GetTicketAsync(waiting.Id)).Status);
    }

    [Fact]
    public async Task NoShowRequeuedAfterItsDayWasTallied_TallyDropped_DayReadLiveAgain()
    {
        // 23:50 in the hall: the citizen misses the call; at 00:05 their day is over and tallied; at 00:10 they are back.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var late = Shanghai.ToUtc(Shanghai.BusinessDay(now), new TimeOnly(23, 50));
        app.Clock.Advance(late - now);
        var hall = await TestHall.CreateAsync(app);
        var day = app.Today;
        var staff = app.Api(hall.Staff[0]);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await staff.OpenAsync(hall.Counters[0]);
        Assert.Equal(ticket.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], ticket.Id, "no-show");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await ReadAsync(hall.Id, day, day)).Tickets.Sum(t => t.EndedNoShow));
        Assert.True(await TalliedAsync(hall.Id, day));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff.PostOkAsync<TicketDto>($"/api/tickets/{ticket.Id}/requeue");

        Assert.False(await TalliedAsync(hall.Id, day));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DayTally>().CountAsync(t => t.HallId == hall.Id && t.Day == day)));
        var again = await ReadAsync(hall.Id, day, day);
        Assert.Equal((1, 0), (again.Tickets.Sum(t => t.Waiting), again.Tickets.Sum(t => t.EndedNoShow)));
        Assert.False(await TalliedAsync(hall.Id, day));
    }
}

public sealed class SqliteDayTallyTests(SqliteHallApp app) : DayTallyTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDayTallyTests(PostgresHallApp app) : DayTallyTests(app), IClassFixture<PostgresHallApp>;
