using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Standards;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Realtime;
using static ServiceHall.IntegrationTests.Features.Standards.StandardsFlows;

namespace ServiceHall.IntegrationTests.Features.Standards;

public abstract class StandardCardTests(HallApp app)
{
    /// <summary>The hall monitor scans alerts on every change: an empty counter's alert would give cards of its own.</summary>
    private static void NoUnstaffedAlert(Core.Features.Halls.Hall hall) => hall.UnstaffedGraceMinutes = 24 * 60;

    /// <summary>A ticket of item A called by the hall's first staff member at its first counter after <paramref name="waitMinutes"/>.</summary>
    private async Task<TicketDto> CalledAfterAsync(TestHall hall, int waitMinutes)
    {
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        var open = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/open");
        Assert.True(open.IsSuccessStatusCode || open.StatusCode == HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromMinutes(waitMinutes));
        var called = await staff.CallNextAsync(hall.Counters[0]);
        Assert.Equal(ticket.Id, called!.Id);
        return called;
    }

    [Fact]
    public async Task WaitOverTenMinutes_RedCardToCounterAndItsStaff_OnceOnly_ReachesTheirPage()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        var staffId = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var issued = new List<StandardCardIssued>();
        using var listening = app.Services.GetRequiredService<HallEventFeed>().Subscribe(hall.Id, e =>
        {
            if (e.Payload is StandardCardIssued card)
                lock (issued)
                    issued.Add(card);
            return Task.CompletedTask;
        });
        var ticket = await CalledAfterAsync(hall, 11);

        Assert.Equal(1, await ScanCardsAsync(app, hall.Id));
        // The scan issues no duplicate: the breach is carded once however often it runs.
        Assert.Equal(0, await ScanCardsAsync(app, hall.Id));
        var cards = await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).ToListAsync());
        var card = Assert.Single(cards);
        Assert.Equal((StandardRule.LongestWait, CardColour.Red, StandardScope.Counter, hall.Counters[0], staffId),
            (card.Rule, card.Colour, card.Unit, card.UnitId, card.StaffUserId));
        Assert.Equal(10, card.Threshold);
        Assert.StartsWith(ticket.Number, card.Records);

        var mine = await app.Api(hall.Staff[0]).GetOkAsync<JsonArray>("/api/standard-cards/mine");
        var listed = Assert.Single(mine);
        Assert.Equal("red", listed.Str("colour"));
        Assert.Equal("Q5", listed.Str("code"));
        Assert.Equal("open", listed.Str("status"));
        Assert.Empty(await app.Api(hall.Staff[1]).GetOkAsync<JsonArray>("/api/standard-cards/mine"));
        await Task.Delay(50);
        lock (issued)
            Assert.Equal(staffId, Assert.Single(issued).StaffUserId);
    }

    [Fact]
    public async Task Card_ClosedOnlyWithWrittenResponse_ByItsStaffMember_Audited()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        await CalledAfterAsync(hall, 12);
        await ScanCardsAsync(app, hall.Id);
        var cardId = await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).Select(c => c.Id).SingleAsync());
        var url = $"/api/standard-cards/{cardId}/response";
        var staff = app.Api(hall.Staff[0]);

        await Expect.ProblemAsync(await staff.PostAsync(url, new { }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PostAsync(url, new { reason = "高峰期只开一个窗口" }), HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await staff.PostAsync(url, new { reason = "  ", measure = "增开窗口" }), HttpStatusCode.BadRequest, "Required");
        Assert.Equal("open", (await staff.GetOkAsync<JsonObject>($"/api/standard-cards/{cardId}")).Str("status"));
        // Another staff member neither reads nor answers it.
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).GetAsync($"/api/standard-cards/{cardId}"), HttpStatusCode.Forbidden, "StandardCardNotYours");
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync(url, new { reason = "r", measure = "m" }), HttpStatusCode.Forbidden,
            "StandardCardNotYours");

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var closed = await staff.PostOkAsync<JsonObject>(url, new { reason = "高峰期只开一个窗口", measure = "排队超过5人即申请增开窗口" });
        Assert.Equal("closed", closed.Str("status"));
        Assert.Equal("排队超过5人即申请增开窗口", closed.Str("responseMeasure"));
        Assert.Equal(await TestHall.UserIdAsync(app, hall.Staff[0]), closed["closedByUserId"]!.GetValue<Guid>());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, closed["closedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        await Expect.ProblemAsync(await staff.PostAsync(url, new { reason = "再答一次", measure = "无" }), HttpStatusCode.Conflict, "StandardCardClosed");

        var counts = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/standard-cards/counts");
        var staffCount = Assert.Single(counts["staff"]!.AsArray());
        Assert.Equal((0, 1, 0), (staffCount!["yellow"]!.GetValue<int>(), staffCount["red"]!.GetValue<int>(), staffCount["open"]!.GetValue<int>()));
        Assert.Equal(hall.Counters[0], Assert.Single(counts["counters"]!.AsArray())!["unitId"]!.GetValue<Guid>());
        var listed = await app.Api(hall.Supervisor).GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/standard-cards?status=closed");
        Assert.Equal("高峰期只开一个窗口", Assert.Single(listed).Str("responseReason"));
    }

    [Fact]
    public async Task SupervisorAnswersACounterCard_OtherHallsSupervisorRefused()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        var other = await TestHall.CreateAsync(app);
        await CalledAfterAsync(hall, 11);
        await ScanCardsAsync(app, hall.Id);
        var cardId = await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).Select(c => c.Id).SingleAsync());
        var stranger = app.Api(other.Supervisor);

        await Expect.ProblemAsync(await stranger.GetAsync($"/api/halls/{hall.Id}/standards?period=month"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.GetAsync($"/api/standard-cards/{cardId}"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await stranger.PostAsync($"/api/standard-cards/{cardId}/response", new { reason = "r", measure = "m" }),
            HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/halls/{hall.Id}/standard-cards")).StatusCode);
        var ranking = await stranger.GetOkAsync<JsonObject>("/api/standards/halls?period=day");
        Assert.Equal(other.Id, Assert.Single(ranking["halls"]!.AsArray())!["hallId"]!.GetValue<Guid>());

        var answered = await app.Api(hall.Supervisor).PostOkAsync<JsonObject>($"/api/standard-cards/{cardId}/response",
            new { reason = "取号高峰", measure = "调整排班" });
        Assert.Equal("closed", answered.Str("status"));
    }

    [Fact]
    public async Task HallRule_CardPolicyNone_IssuesNoCard_YellowPolicyGivesYellow()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        var supervisor = app.Api(hall.Supervisor);
        var url = $"/api/halls/{hall.Id}/standards/settings";
        await supervisor.PutOkAsync<JsonArray>(url, new { rules = new[] { new { rule = "longestWait", yellow = 10, red = 20, card = "none" } } });
        await CalledAfterAsync(hall, 11);
        Assert.Equal(0, await ScanCardsAsync(app, hall.Id));

        await supervisor.PutOkAsync<JsonArray>(url, new { rules = new[] { new { rule = "longestWait", yellow = 10, red = 20, card = "yellow" } } });
        Assert.Equal(1, await ScanCardsAsync(app, hall.Id));
        Assert.Equal(CardColour.Yellow, await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).Select(c => c.Colour).SingleAsync()));
    }
    [Fact]
    public async Task OpenYellowCard_TurnsRed_WhenItsDayGetsWorse()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: NoUnstaffedAlert);
        await app.Api(hall.Supervisor).PutOkAsync<JsonArray>($"/api/halls/{hall.Id}/standards/settings",
            new { rules = new[] { new { rule = "longestWait", yellow = 10, red = 20, card = "byVerdict" } } });
        var first = await CalledAfterAsync(hall, 11);
        Assert.Equal(1, await ScanCardsAsync(app, hall.Id));
        await app.Api(hall.Staff[0]).ActAsync(hall.Counters[0], first.Id, "start");
        await app.Api(hall.Staff[0]).ActAsync(hall.Counters[0], first.Id, "finish");
        Assert.Equal(CardColour.Yellow, await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).Select(c => c.Colour).SingleAsync()));

        await CalledAfterAsync(hall, 25);
        Assert.Equal(1, await ScanCardsAsync(app, hall.Id));
        var card = await app.WithDbAsync(db => db.StandardCards.Where(c => c.HallId == hall.Id).SingleAsync());
        Assert.Equal((CardColour.Red, 20), (card.Colour, card.Threshold));
        Assert.True(card.Figure >= 25);
        Assert.Equal(0, await ScanCardsAsync(app, hall.Id));
    }
}

public sealed class SqliteStandardCardTests(SqliteHallApp app) : StandardCardTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStandardCardTests(PostgresHallApp app) : StandardCardTests(app), IClassFixture<PostgresHallApp>;
