using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Counters;

public abstract class CallTicketTests(HallApp app)
{
    private async Task<List<string>> CallAllAsync(TestHall hall, ApiClient staff, Guid counterId)
    {
        var numbers = new List<string>();
        while (await staff.CallNextAsync(counterId) is { } ticket)
        {
            numbers.Add(ticket.Number);
            await staff.ActAsync(counterId, ticket.Id, "start");
            await staff.ActAsync(counterId, ticket.Id, "finish");
        }
        return numbers;
    }

    [Fact]
    public async Task CallNext_StrictPolicy_EmergencyThenPriorityThenNormal()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        foreach (var priority in new[] { "normal", "elderly", "normal", "emergency", "pregnant", "normal" })
            await kiosk.IssueAsync(hall.Id, hall.Item("A"), priority);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        Assert.Equal(["A004", "A002", "A005", "A001", "A003", "A006"], await CallAllAsync(hall, staff, hall.Counters[0]));
    }

    [Fact]
    public async Task CallNext_ItemsTheCounterDoesNotServeAheadInEveryLane_ItsOwnAndSentTicketsInPolicyOrder()
    {
        // Counter 1 serves A only; B's tickets, older and in every lane, wait for counter 2.
        var hall = await TestHall.CreateAsync(app);
        await app.WithDbAsync(db => db.CounterServiceItems
            .Where(s => s.CounterId == hall.Counters[0] && s.ServiceItemId == hall.Item("B")).ExecuteDeleteAsync());
        var kiosk = app.Api(hall.Kiosk);
        foreach (var priority in new[] { "emergency", "elderly", "normal", "normal", "pregnant" })
            await kiosk.IssueAsync(hall.Id, hall.Item("B"), priority);
        foreach (var priority in new[] { "normal", "elderly", "emergency" })
            await kiosk.IssueAsync(hall.Id, hall.Item("A"), priority);
        var sent = await kiosk.IssueAsync(hall.Id, hall.Item("B"), "military");
        var one = app.Api(hall.Staff[0]);
        var two = app.Api(hall.Staff[1]);
        await one.OpenAsync(hall.Counters[0]);
        await two.OpenAsync(hall.Counters[1]);
        await two.ActAsync(hall.Counters[1], sent.Id, "call", new { reason = "需1号窗口办理" });
        await two.ActAsync(hall.Counters[1], sent.Id, "transfer", new { toCounterId = hall.Counters[0], reason = "需1号窗口办理" });

        // A's emergency, then the priority lane (A002, then the B ticket sent here, still B006 as on its paper: it keeps
        // its later issue time), then A001.
        Assert.Equal(["A003", "A002", "B006", "A001"], await CallAllAsync(hall, one, hall.Counters[0]));
        Assert.Equal(["B001", "B002", "B005", "B003", "B004"], await CallAllAsync(hall, two, hall.Counters[1]));
    }

    [Fact]
    public async Task CallNext_InterleavePolicy_OnePriorityAfterEveryTwoNormal()
    {
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.PriorityPolicy = PriorityPolicy.Interleave;
            h.InterleaveNormalsPerPriority = 2;
        });
        var kiosk = app.Api(hall.Kiosk);
        foreach (var priority in new[] { "normal", "normal", "normal", "elderly", "disabled", "normal", "normal" })
            await kiosk.IssueAsync(hall.Id, hall.Item("A"), priority);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        Assert.Equal(["A001", "A002", "A004", "A003", "A006", "A005", "A007"], await CallAllAsync(hall, staff, hall.Counters[0]));
    }

    [Fact]
    public async Task CallNext_NormalWaitedPastThreshold_NotOvertakenByNewerPriority()
    {
        var hall = await TestHall.CreateAsync(app, maxWaitMinutes: 10);
        var kiosk = app.Api(hall.Kiosk);
        var early = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var elderly = await kiosk.IssueAsync(hall.Id, hall.Item("A"), "elderly");
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        var first = await staff.CallNextAsync(hall.Counters[0]);
        Assert.Equal(early.Id, first!.Id);
        await staff.ActAsync(hall.Counters[0], first.Id, "no-show");
        Assert.Equal(elderly.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
    }

    [Fact]
    public async Task CallNext_AppointmentCheckedInWithinSlot_GoesFirst()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        await kiosk.IssueAsync(hall.Id, hall.Item("A"), "emergency");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // Checked in by a person at the front desk: a kiosk, where anyone may tap, claims no appointment (P2).
        var appointment = await app.Api(hall.Staff[1]).PostOkAsync<TicketDto>($"/api/halls/{hall.Id}/tickets", new
        {
            serviceItemId = hall.Item("A"), appointmentStart = now.AddMinutes(-5), appointmentEnd = now.AddMinutes(25),
        });
        Assert.Equal("appointment", appointment.Channel);

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        Assert.Equal(appointment.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
    }

    [Fact]
    public async Task Issue_AppointmentFromAnonymousPhone_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var response = await app.Api().PostAsync($"/api/halls/{hall.Id}/tickets", new
        {
            serviceItemId = hall.Item("A"), appointmentStart = now, appointmentEnd = now.AddMinutes(30),
        });
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "AppointmentNotAllowed");
    }

    [Fact]
    public async Task CallChosen_WithReason_TakesItOutOfOrderAndRecordsWhy()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var chosen = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        var missing = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{chosen.Id}/call", new { reason = " " });
        await Expect.ProblemAsync(missing, HttpStatusCode.BadRequest, "Required");
        var called = await staff.ActAsync(hall.Counters[0], chosen.Id, "call", new { reason = "同一家庭一并办理" });

        Assert.Equal("called", called.Status);
        var evt = await app.WithDbAsync(db => db.TicketEvents.SingleAsync(e => e.TicketId == chosen.Id && e.Kind == TicketEventKind.CalledOutOfOrder));
        Assert.Equal("同一家庭一并办理", evt.Reason);
    }

    [Fact]
    public async Task CallChosen_TwoCountersSameTicket_OnlyOneGetsIt()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var one = app.Api(hall.Staff[0]);
        var two = app.Api(hall.Staff[1]);
        await one.OpenAsync(hall.Counters[0]);
        await two.OpenAsync(hall.Counters[1]);

        var responses = await Task.WhenAll(
            one.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket.Id}/call", new { reason = "测试" }),
            two.PostAsync($"/api/counters/{hall.Counters[1]}/tickets/{ticket.Id}/call", new { reason = "测试" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await Expect.ProblemAsync(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "TicketStateConflict");
        Assert.Equal(1, await app.WithDbAsync(db => db.TicketEvents.CountAsync(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.CalledOutOfOrder)));
    }

    [Fact]
    public async Task Recall_CalledTicket_StaysCalledAndCounts()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], ticket.Id, "recall");
        await staff.ActAsync(hall.Counters[0], ticket.Id, "recall");

        var stored = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal(TicketStatus.Called, stored.Status);
        Assert.Equal(2, stored.RecallCount);
    }

    [Fact]
    public async Task Finish_WithoutStart_Conflict()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);

        var response = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket.Id}/finish");
        await Expect.ProblemAsync(response, HttpStatusCode.Conflict, "TicketStateConflict");
        Assert.Equal(TicketStatus.Called, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task NoShow_LateArrivalWithinWindow_RequeuedOnceAtTheBack()
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.NoShowRequeueMinutes = 30);
        var kiosk = app.Api(hall.Kiosk);
        var late = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var other = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], late.Id, "no-show");
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var requeued = await kiosk.PostOkAsync<TicketDto>($"/api/tickets/{late.Id}/requeue");
        Assert.Equal("waiting", requeued.Status);
        Assert.Equal(1, requeued.PeopleAhead);
        Assert.Equal(other.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], other.Id, "no-show");
        Assert.Equal(late.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], late.Id, "no-show");

        var second = await kiosk.PostAsync($"/api/tickets/{late.Id}/requeue");
        await Expect.ProblemAsync(second, HttpStatusCode.Conflict, "RequeueNotAllowed");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var tooLate = await kiosk.PostAsync($"/api/tickets/{other.Id}/requeue");
        await Expect.ProblemAsync(tooLate, HttpStatusCode.Conflict, "RequeueWindowPassed");
    }

    [Fact]
    public async Task Transfer_ToItem_NewTicketKeepsIssueTimeAndPriority()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        var ticket = await kiosk.IssueAsync(hall.Id, hall.Item("A"), "elderly");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var newerB = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");

        var noReason = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket.Id}/transfer", new { toServiceItemId = hall.Item("B") });
        await Expect.ProblemAsync(noReason, HttpStatusCode.BadRequest, "Required");
        var moved = await staff.ActAsync(hall.Counters[0], ticket.Id, "transfer", new { toServiceItemId = hall.Item("B"), reason = "属于B事项" });

        // The citizen keeps the number on the paper (A001), not a new one of item B.
        Assert.Equal(ticket.Number, moved.Number);
        Assert.Equal(hall.Item("B"), moved.ServiceItemId);
        Assert.Equal("elderly", moved.Priority);
        Assert.Equal("transfer", moved.Channel);
        Assert.Equal(ticket.IssuedAt, moved.IssuedAt);
        Assert.Equal(0, moved.PeopleAhead);
        var old = await app.Api().GetTicketAsync(ticket.Id);
        Assert.Equal("transferred", old.Status);
        Assert.Equal(moved.Id, old.TransferredToTicketId);
        var stored = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == ticket.Id));
        Assert.Equal("属于B事项", stored.TransferReason);
        Assert.NotEqual(newerB.Id, moved.Id);
    }

    [Fact]
    public async Task Transfer_ToCounter_OnlyThatCounterCallsIt()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var one = app.Api(hall.Staff[0]);
        var two = app.Api(hall.Staff[1]);
        await one.OpenAsync(hall.Counters[0]);
        await two.OpenAsync(hall.Counters[1]);
        await one.CallNextAsync(hall.Counters[0]);
        var moved = await one.ActAsync(hall.Counters[0], ticket.Id, "transfer", new { toCounterId = hall.Counters[1], reason = "需2号窗口复核" });

        Assert.Null(await one.CallNextAsync(hall.Counters[0]));
        Assert.Equal(moved.Id, (await two.CallNextAsync(hall.Counters[1]))!.Id);
    }

    [Fact]
    public async Task Transfer_BothTargets_BadRequest()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var response = await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket.Id}/transfer",
            new { toCounterId = hall.Counters[1], toServiceItemId = hall.Item("B"), reason = "x" });
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "TransferTargetAmbiguous");
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));
    }
}

public sealed class SqliteCallTicketTests(SqliteHallApp app) : CallTicketTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCallTicketTests(PostgresHallApp app) : CallTicketTests(app), IClassFixture<PostgresHallApp>;
