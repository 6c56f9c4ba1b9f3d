using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Queue;

public abstract class IssueTicketTests(HallApp app)
{
    [Fact]
    public async Task Issue_FirstTicketsOfTheDay_NumberedWithPrefixFromOne()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api();
        var a1 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var a2 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var b1 = await kiosk.IssueAsync(hall.Id, hall.Item("B"));

        Assert.Equal(["A001", "A002", "B001"], new[] { a1.Number, a2.Number, b1.Number });
        Assert.Equal("waiting", a2.Status);
        Assert.Equal(1, a2.PeopleAhead);
        Assert.Equal(2, a2.Position);
        Assert.Equal("phone", a1.Channel);
    }

    [Fact]
    public async Task Issue_ConcurrentRequests_NeverGiveANumberTwice()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = await app.Api(hall.Kiosk).SignInAsync();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => kiosk.IssueAsync(hall.Id, hall.Item("A"))));

        Assert.Equal(200, tickets.Select(t => t.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"A{n:000}"), tickets.Select(t => t.Number).Order());
        Assert.All(tickets, t => Assert.Equal("kiosk", t.Channel));
    }

    [Fact]
    public async Task Issue_NextBusinessDay_NumbersRestart()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        var today = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await kiosk.IssueAsync(hall.Id, hall.Item("B"));

        Assert.Equal("B001", today.Number);
        Assert.Equal("B001", tomorrow.Number);
        Assert.NotEqual(today.Id, tomorrow.Id);
    }

    [Fact]
    public async Task Issue_PriorityTicket_CountsOnlyHigherOrEqualLanesAhead()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var elderly = await kiosk.IssueAsync(hall.Id, hall.Item("A"), "elderly");
        var emergency = await kiosk.IssueAsync(hall.Id, hall.Item("A"), "emergency");
        var normal = await kiosk.IssueAsync(hall.Id, hall.Item("A"));

        Assert.Equal(0, elderly.PeopleAhead);
        Assert.Equal(0, emergency.PeopleAhead);
        Assert.Equal(4, normal.PeopleAhead);
        Assert.True(normal.EstimatedWaitMinutes > 0);
    }

    [Fact]
    public async Task Issue_AfterCutoff_RefusedButEarlierTicketsStillServed()
    {
        // Issuing stops in 30 minutes, the hall closes in an hour.
        var cutoff = WholeMinute(app.LocalTime.AddMinutes(30));
        var hall = await TestHall.CreateAsync(app, configure: h => Hours(h, app, cutoff));
        var kiosk = app.Api(hall.Kiosk);
        var before = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var refused = await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        var problem = await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, "IssuingClosed");
        Assert.Contains(cutoff.ToString("HH:mm"), problem["detail"]!.GetValue<string>());

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var called = await staff.CallNextAsync(hall.Counters[0]);
        Assert.Equal(before.Id, called!.Id);
    }

    [Fact]
    public async Task Issue_BeforeOpening_Refused()
    {
        var opens = WholeMinute(app.LocalTime.AddMinutes(61));
        var hall = await TestHall.CreateAsync(app, configure: h => h.OpensAt = opens);
        var response = await app.Api().PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") }, "en");
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "IssuingNotYetOpen");
        Assert.Contains(opens.ToString("HH:mm"), problem["detail"]!.GetValue<string>());
        Assert.Contains("opens at", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CloseBusinessDay_WhileQueueNotEmpty_RefusedThenClosesWhenServed()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => Hours(h, app, WholeMinute(app.LocalTime.AddMinutes(30))));
        var kiosk = app.Api(hall.Kiosk);
        var ticket = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var supervisor = app.Api(hall.Supervisor);
        var day = app.Today.ToString("yyyy-MM-dd");

        var early = await supervisor.PostAsync($"/api/halls/{hall.Id}/business-days/{day}/close");
        await Expect.ProblemAsync(early, HttpStatusCode.Conflict, "BusinessDayStillIssuing");

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var withQueue = await supervisor.PostAsync($"/api/halls/{hall.Id}/business-days/{day}/close");
        await Expect.ProblemAsync(withQueue, HttpStatusCode.Conflict, "BusinessDayHasQueue");

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
        await staff.ActAsync(hall.Counters[0], ticket.Id, "finish");

        var closed = await supervisor.PostAsync($"/api/halls/{hall.Id}/business-days/{day}/close");
        await Expect.StatusAsync(closed, HttpStatusCode.NoContent);
        var again = await supervisor.PostAsync($"/api/halls/{hall.Id}/business-days/{day}/close");
        await Expect.ProblemAsync(again, HttpStatusCode.Conflict, "BusinessDayClosed");
    }

    [Fact]
    public async Task GetTicket_Anonymous_ShowsPositionWithoutPersonalData()
    {
        var hall = await TestHall.CreateAsync(app);
        var first = await app.Api().IssueAsync(hall.Id, hall.Item("A"));
        var second = await app.Api().IssueAsync(hall.Id, hall.Item("A"));

        var response = await app.Api().GetAsync($"/api/tickets/{second.Id}");
        var json = await response.Content.ReadAsStringAsync();
        var view = await app.Api().GetTicketAsync(second.Id);

        Assert.Equal(2, view.Position);
        Assert.Equal(1, view.PeopleAhead);
        Assert.DoesNotContain("userId", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("name", json, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Issue_Queue_ReportsWaitingAndOldestWait()
    {
        var hall = await TestHall.CreateAsync(app, maxWaiting: 1);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var overview = await app.Api().GetOkAsync<System.Text.Json.Nodes.JsonObject>($"/api/halls/{hall.Id}/queue");
        var itemA = overview["items"]!.AsArray().Single(i => i!["prefix"]!.GetValue<string>() == "A")!;

        Assert.Equal(2, itemA["waiting"]!.GetValue<int>());
        Assert.True(itemA["queueTooLong"]!.GetValue<bool>());
        Assert.False(itemA["waitTooLong"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Issue_ClosedBusinessDayRecordExists_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.BusinessDays.Add(new ServiceHall.Core.Features.Queue.BusinessDay
            {
                HallId = hall.Id, Date = app.Today, ClosedAt = app.Clock.GetUtcNow().UtcDateTime, ClosedByUserId = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        });
        var response = await app.Api(hall.Kiosk).PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "BusinessDayClosed");
        var count = await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id));
        Assert.Equal(0, count);
    }

    private static TimeOnly WholeMinute(TimeOnly t) => new(t.Hour, t.Minute);

    private static void Hours(Hall hall, HallApp app, TimeOnly cutoff)
    {
        hall.OpensAt = WholeMinute(app.LocalTime.AddHours(-1));
        hall.IssueCutoff = cutoff;
        hall.ClosesAt = cutoff.AddMinutes(30);
    }
}

public sealed class SqliteIssueTicketTests(SqliteHallApp app) : IssueTicketTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresIssueTicketTests(PostgresHallApp app) : IssueTicketTests(app), IClassFixture<PostgresHallApp>;
