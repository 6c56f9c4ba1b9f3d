using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Counters;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.PublicPages;

/// <summary>What the call display reads (Q4): the public counter list and the hall's recent calls.</summary>
public abstract class DisplayApiTests(HallApp app)
{
    [Fact]
    public async Task ListCounters_PausedCounter_ShowsCategoryNeverReasonOrStaff()
    {
        // A hall that does not show badges (胸牌公示 off); PublicCounterListTests covers the halls that do.
        var hall = await TestHall.CreateAsync(app, configure: h => h.ShowStaffBadge = false);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var paused = await staff.PostOkAsync<JsonObject>($"/api/counters/{hall.Counters[0]}/pause",
            new { reason = "陪张三去档案室", category = "lunchBreak" });
        Assert.Equal("lunchBreak", paused["pauseCategory"]!.GetValue<string>());

        var response = await app.Api().GetAsync($"/api/halls/{hall.Id}/counters");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("陪张三", body);
        var counters = JsonNode.Parse(body)!.AsArray();
        var counter = counters.Single(c => c!["id"]!.GetValue<Guid>() == hall.Counters[0])!.AsObject();
        Assert.Equal("paused", counter["state"]!.GetValue<string>());
        Assert.Equal("lunchBreak", counter["pauseCategory"]!.GetValue<string>());
        foreach (var hidden in new[] { "pauseReason", "staffName", "badgeNumber", "substituteUserId", "sessionId" })
            Assert.False(counter.ContainsKey(hidden), hidden);
        var closed = counters.Single(c => c!["id"]!.GetValue<Guid>() == hall.Counters[1])!;
        Assert.Equal("closed", closed["state"]!.GetValue<string>());
        Assert.Null(closed["pauseCategory"]);

        var pause = await app.WithDbAsync(db => db.CounterPauses.SingleAsync(p => p.CounterId == hall.Counters[0]));
        Assert.Equal(PauseCategory.LunchBreak, pause.Category);
        await staff.PostOkAsync<JsonObject>($"/api/counters/{hall.Counters[0]}/resume");
        var resumed = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/counters");
        Assert.Null(resumed.Single(c => c["id"]!.GetValue<Guid>() == hall.Counters[0])["pauseCategory"]);
    }

    [Fact]
    public async Task Pause_WithoutCategory_CountsAsOther()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var paused = await staff.PostOkAsync<JsonObject>($"/api/counters/{hall.Counters[0]}/pause", new { reason = "取文件" });
        Assert.Equal("other", paused["pauseCategory"]!.GetValue<string>());
        var unknown = await app.Api(hall.Staff[1]).PostAsync($"/api/counters/{hall.Counters[1]}/pause",
            new { reason = "x", category = "coffee" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ListCounters_CalledThenStarted_ShowsNumberAndWhetherServing()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        JsonObject Counter(List<JsonObject> list) => list.Single(c => c["id"]!.GetValue<Guid>() == hall.Counters[0]);

        var called = Counter(await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/counters"));
        Assert.Equal(ticket.Number, called["currentTicketNumber"]!.GetValue<string>());
        Assert.False(called["isServing"]!.GetValue<bool>());
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
        var serving = Counter(await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/counters"));
        Assert.True(serving["isServing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RecentCalls_CallsAndRecall_NewestFirstWithNumbersOnly()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        var one = app.Api(hall.Staff[0]);
        var two = app.Api(hall.Staff[1]);
        await one.OpenAsync(hall.Counters[0]);
        await two.OpenAsync(hall.Counters[1]);
        var first = (await one.CallNextAsync(hall.Counters[0]))!;
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = (await two.CallNextAsync(hall.Counters[1]))!;
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await one.ActAsync(hall.Counters[0], first.Id, "recall");

        var calls = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/recent-calls?limit=10");
        Assert.Equal([(first.Number, 1, true), (second.Number, 2, false), (first.Number, 1, false)],
            calls.Select(c => (c["number"]!.GetValue<string>(), c["counterNumber"]!.GetValue<int>(), c["isRecall"]!.GetValue<bool>())));
        // Numbers and the call's words (issue 16), nothing about the person.
        Assert.All(calls, c => Assert.Equal(["number", "counterNumber", "calledAt", "isRecall", "announcement", "announcementEn"], c.Select(p => p.Key)));
        var limited = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/recent-calls?limit=1");
        Assert.Equal(first.Number, Assert.Single(limited)["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecentCalls_NextDay_Empty()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        Assert.Single(await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/recent-calls"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/recent-calls"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    public async Task RecentCalls_LimitOutOfRange_BadRequest(string limit)
    {
        var hall = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await app.Api().GetAsync($"/api/halls/{hall.Id}/recent-calls?limit={limit}"),
            HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await app.Api().GetAsync($"/api/halls/{Guid.NewGuid()}/recent-calls"),
            HttpStatusCode.NotFound, "HallNotFound");
    }
}

public sealed class SqliteDisplayApiTests(SqliteHallApp app) : DisplayApiTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDisplayApiTests(PostgresHallApp app) : DisplayApiTests(app), IClassFixture<PostgresHallApp>;
