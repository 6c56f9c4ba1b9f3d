using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Visits;

/// <summary>
/// Multi-step visits under one number (挂号 → 缴费 → 取药) and a pharmacy's ready-to-collect mode (P7, issue 16,
/// ADR-029): a test hall's items A (挂号), B (缴费) and C (取药), chained A → B → C.
/// </summary>
public abstract class MultiStepVisitTests(HallApp app)
{
    public sealed record StepTicket(Guid Id, string Number, Guid ServiceItemId, string Status, string Priority, string Channel,
        int? Position, DateTime IssuedAt, Guid? NextStepTicketId, DateTime? ReadyAt, string? Announcement);

    public sealed record BoardEntry(string Number, Guid ServiceItemId, DateTime At);

    public sealed record Board(List<BoardEntry> SentOn, List<BoardEntry> Ready, List<Guid> ReadyItemIds);

    private async Task<TestHall> HospitalAsync(bool pharmacyReadyMode = false)
    {
        var hall = await TestHall.CreateAsync(app, prefixes: ["A", "B", "C"]);
        await app.WithDbAsync(async db =>
        {
            var items = await db.ServiceItems.Where(i => i.HallId == hall.Id).ToListAsync();
            var byPrefix = items.ToDictionary(i => i.Prefix);
            byPrefix["A"].NextStepItemId = byPrefix["B"].Id;
            byPrefix["B"].NextStepItemId = byPrefix["C"].Id;
            byPrefix["C"].AnnouncementZh = "请{number}号到{counter}号窗口取药";
            byPrefix["C"].ReadyToCollect = pharmacyReadyMode;
            return await db.SaveChangesAsync();
        });
        return hall;
    }

    private static async Task<StepTicket> ServeAsync(ApiClient staff, Guid counterId, string query = "")
    {
        var called = (await staff.CallNextAsync(counterId))!;
        await staff.ActAsync(counterId, called.Id, "start");
        return await staff.PostOkAsync<StepTicket>($"/api/counters/{counterId}/tickets/{called.Id}/finish{query}");
    }

    private Task<StepTicket> TicketAsync(Guid id) => app.Api().GetOkAsync<StepTicket>($"/api/tickets/{id}");

    [Fact]
    public async Task ThreeSteps_OneNumber_EachStepInLineByTheVisitsIssueTime_ThePharmacyCallsToCollect()
    {
        var hall = await HospitalAsync();
        var kiosk = app.Api(hall.Kiosk);
        var first = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        // A walk-in at payment who came after A001 began the visit.
        var walkIn = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await app.WithDbAsync(db => db.CounterServiceItems
            .Where(s => s.CounterId == hall.Counters[0] && s.ServiceItemId != hall.Item("A")).ExecuteDeleteAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var registered = await ServeAsync(staff, hall.Counters[0]);
        Assert.Equal((first.Id, "done"), (registered.Id, registered.Status));
        var payment = await TicketAsync(registered.NextStepTicketId!.Value);
        Assert.Equal((first.Number, hall.Item("B"), "waiting", "nextStep", first.Priority),
            (payment.Number, payment.ServiceItemId, payment.Status, payment.Channel, payment.Priority));
        Assert.Equal(first.IssuedAt, payment.IssuedAt);
        Assert.Equal(1, payment.Position);
        // The phone that follows A001's first ticket is sent on: the first ticket names the next.
        Assert.Equal(payment.Id, (await TicketAsync(first.Id)).NextStepTicketId);

        // Counter 2 takes payment: A001, in line by the visit's issue, before the walk-in B001 who came a minute later.
        var cashier = app.Api(hall.Staff[1]);
        await cashier.OpenAsync(hall.Counters[1]);
        var paid = await ServeAsync(cashier, hall.Counters[1]);
        Assert.Equal((payment.Id, first.Number), (paid.Id, paid.Number));
        var pharmacy = await TicketAsync(paid.NextStepTicketId!.Value);
        Assert.Equal((first.Number, hall.Item("C"), "waiting"), (pharmacy.Number, pharmacy.ServiceItemId, pharmacy.Status));

        // The pharmacy's call is worded by its own item: 取药.
        var called = (await cashier.CallNextAsync(hall.Counters[1]))!;
        Assert.Equal(pharmacy.Id, called.Id);
        Assert.Equal($"请{first.Number}号到2号窗口取药", (await TicketAsync(pharmacy.Id)).Announcement);
        await cashier.ActAsync(hall.Counters[1], called.Id, "start");
        await cashier.ActAsync(hall.Counters[1], called.Id, "finish");
        Assert.Equal(walkIn.Id, (await cashier.CallNextAsync(hall.Counters[1]))!.Id);

        var steps = await app.WithDbAsync(db => db.Tickets.Where(t => t.HallId == hall.Id && t.Number == first.Number)
            .OrderBy(t => t.QueuedAt).ThenBy(t => t.Id).ToListAsync());
        Assert.Equal(3, steps.Count);
        Assert.All(steps.Skip(1), s => Assert.Equal(first.Id, s.VisitTicketId));
        Assert.All(steps, s => Assert.Equal(steps[0].RatingKey, s.RatingKey));
    }

    [Fact]
    public async Task FinishWithoutNextStep_ThePatientLeaves_NoNextTicket_Recorded()
    {
        var hall = await HospitalAsync();
        var first = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        var done = await ServeAsync(staff, hall.Counters[0], "?withoutNextStep=true");

        Assert.Equal(("done", null), (done.Status, done.NextStepTicketId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));
        Assert.True(await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == first.Id).Select(t => t.SkippedNextStep).SingleAsync()));
        Assert.Null(await staff.CallNextAsync(hall.Counters[0]));
    }

    [Fact]
    public async Task ModuleOff_FinishEndsTheVisit_NoNextTicket_OnAgainTheNextVisitGoesOn()
    {
        var hall = await HospitalAsync();
        var admin = app.Api("admin");
        string[] allButSteps = ["guides", "cases", "inquiries", "complaints", "appointments"];
        await admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/modules", new { modules = allButSteps });
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        // The item still names its next step, but the hall has switched multi-step visits off: the visit ends here.
        var done = await ServeAsync(staff, hall.Counters[0]);
        Assert.Equal(("done", null), (done.Status, done.NextStepTicketId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));

        await admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/modules", new { modules = allButSteps.Append("multiStepVisits") });
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var next = await ServeAsync(staff, hall.Counters[0]);
        Assert.NotNull(next.NextStepTicketId);
    }

    [Fact]
    public async Task ReadyToCollect_OnlyReadyTicketsAreCalled_TheBoardListsThem()
    {
        var hall = await HospitalAsync(pharmacyReadyMode: true);
        var kiosk = app.Api(hall.Kiosk);
        var one = await kiosk.IssueAsync(hall.Id, hall.Item("C"));
        var two = await kiosk.IssueAsync(hall.Id, hall.Item("C"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        // Nothing prepared yet: nobody to call, though two wait.
        Assert.Null(await staff.CallNextAsync(hall.Counters[0]));
        var ready = await staff.PostOkAsync<StepTicket>($"/api/counters/{hall.Counters[0]}/tickets/{two.Id}/ready");
        Assert.Equal(("waiting", true), (ready.Status, ready.ReadyAt is not null));
        var board = await app.Api().GetOkAsync<Board>($"/api/halls/{hall.Id}/visit-board");
        Assert.Equal([two.Number], board.Ready.Select(r => r.Number));
        Assert.Equal([hall.Item("C")], board.ReadyItemIds);

        // Marked twice: refused, in the request's language.
        await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{two.Id}/ready"),
            HttpStatusCode.Conflict, "TicketAlreadyReady");
        // The ready one is called, the earlier one still waits for its medicine.
        Assert.Equal(two.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        Assert.Empty((await app.Api().GetOkAsync<Board>($"/api/halls/{hall.Id}/visit-board")).Ready);
        Assert.Equal("waiting", (await TicketAsync(one.Id)).Status);
    }

    [Fact]
    public async Task MarkReady_ItemNotInReadyMode_ConflictProblem_NothingWritten()
    {
        var hall = await HospitalAsync();
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("C"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        var problem = await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket.Id}/ready",
            language: "en"), HttpStatusCode.Conflict, "ItemNotReadyToCollect");
        Assert.Contains("ready-to-collect", problem["detail"]!.GetValue<string>());
        Assert.Null((await TicketAsync(ticket.Id)).ReadyAt);
    }

    [Fact]
    public async Task Board_SentOnShownForAWhile_ThenGone()
    {
        var hall = await HospitalAsync();
        var first = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await ServeAsync(staff, hall.Counters[0]);

        var sent = Assert.Single((await app.Api().GetOkAsync<Board>($"/api/halls/{hall.Id}/visit-board")).SentOn);
        Assert.Equal((first.Number, hall.Item("B")), (sent.Number, sent.ServiceItemId));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty((await app.Api().GetOkAsync<Board>($"/api/halls/{hall.Id}/visit-board")).SentOn);
    }

    [Fact]
    public async Task Figures_VisitIssuedOnce_LedgerCountsEachStepUnderItsItem()
    {
        var hall = await HospitalAsync();
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await ServeAsync(staff, hall.Counters[0]);
        // Payment is called 2 minutes after registration sent A001 on (not 6 after the visit's issue).
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await ServeAsync(staff, hall.Counters[0]);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ServeAsync(staff, hall.Counters[0]);

        var dashboard = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        Assert.Equal((1, 3), (dashboard["today"]!["issued"]!.GetValue<int>(), dashboard["today"]!["served"]!.GetValue<int>()));
        Assert.Equal(1, dashboard["perHour"]!.AsArray().Sum(h => h!["issued"]!.GetValue<int>()));

        var day = new HallClock("Asia/Shanghai").BusinessDay(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var ledger = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}");
        var rows = ledger["items"]!.AsArray().Select(r => r!).ToList();
        foreach (var prefix in new[] { "A", "B", "C" })
            Assert.Equal(1, rows.Where(r => r["serviceItemId"]!.GetValue<Guid>() == hall.Item(prefix)).Sum(r => r["served"]!.GetValue<int>()));
        var payment = rows.Single(r => r["serviceItemId"]!.GetValue<Guid>() == hall.Item("B"));
        Assert.Equal(2.0, payment["averageWaitMinutes"]!.GetValue<double>());
    }

    [Fact]
    public async Task AdminNextStep_Cycle_RefusedWithProblem_NothingWritten()
    {
        var hall = await TestHall.CreateAsync(app, prefixes: ["A", "B"]);
        var departmentId = await app.WithDbAsync(db => db.ServiceItems.Where(i => i.Id == hall.Item("A")).Select(i => i.DepartmentId).SingleAsync());
        var admin = app.Api("admin");
        await admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{hall.Item("A")}",
            new { name = "挂号", prefix = "A", departmentId, counterIds = hall.Counters, nextStepItemId = hall.Item("B") });

        var problem = await Expect.ProblemAsync(await admin.PutAsync($"/api/admin/service-items/{hall.Item("B")}",
            new { name = "缴费", prefix = "B", departmentId, counterIds = hall.Counters, nextStepItemId = hall.Item("A") }),
            HttpStatusCode.BadRequest, "NextStepCycle");
        Assert.Contains("缴费 → 挂号 → 缴费", problem["detail"]!.GetValue<string>());
        Assert.Null(await app.WithDbAsync(db => db.ServiceItems.Where(i => i.Id == hall.Item("B")).Select(i => i.NextStepItemId).SingleAsync()));
        Assert.Equal("事项 B", await app.WithDbAsync(db => db.ServiceItems.Where(i => i.Id == hall.Item("B")).Select(i => i.Name).SingleAsync()));

        var other = await TestHall.CreateAsync(app, prefixes: ["X"]);
        await Expect.ProblemAsync(await admin.PutAsync($"/api/admin/service-items/{hall.Item("B")}",
            new { name = "缴费", prefix = "B", departmentId, counterIds = hall.Counters, nextStepItemId = other.Item("X") }),
            HttpStatusCode.BadRequest, "NextStepNotInHall");
    }

    [Fact]
    public async Task CallWords_FromTheCounterReadWithItsItems_NoReadAfterTheCallsCommit()
    {
        // Review finding: each call read its item's templates again after the commit. The counter read before the call
        // now carries them, so the words are formed with no database at all (none is given).
        var hall = await HospitalAsync();
        var counter = await app.WithDbAsync(db => CounterAccess.FindAsync(db, hall.Counters[0], CancellationToken.None));
        var ticket = new Ticket
        {
            Id = Guid.NewGuid(), HallId = hall.Id, ServiceItemId = hall.Item("C"), Number = "C001", Status = TicketStatus.Called,
        };

        var call = await CallAnnouncements.ForCallAsync(null!, ticket, counter, isRecall: false);

        Assert.Equal(("请C001号到1号窗口取药", "C001, please go to counter 1"), (call.Announcement, call.AnnouncementEn));
    }

    [Fact]
    public async Task Issue_NextStepChannelAskedFor_Refused()
    {
        var hall = await HospitalAsync();
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("B"), channel = "nextStep" }), HttpStatusCode.BadRequest, "InvalidChannel");
    }
}

public sealed class SqliteMultiStepVisitTests(SqliteHallApp app) : MultiStepVisitTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresMultiStepVisitTests(PostgresHallApp app) : MultiStepVisitTests(app), IClassFixture<PostgresHallApp>;
