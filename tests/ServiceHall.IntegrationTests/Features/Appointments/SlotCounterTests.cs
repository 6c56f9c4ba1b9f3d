using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Appointments.AppointmentFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>
/// Issue 16, per-counter and per-doctor slots: a slot of a counter gives at check-in a ticket only that counter calls; a
/// slot with a staff member goes to the counter they are signed in at, or, when they are not, to the item's appointment lane.
/// </summary>
public abstract class SlotCounterTests(HallApp app)
{
    /// <summary>A slot of today (of <paramref name="counter"/>, or of the item) starting 60 to 90 minutes from now.</summary>
    private async Task<AppointmentSlot> SlotSoonAsync(TestHall hall, Guid? counter) =>
        await app.WithDbAsync(db =>
        {
            var from = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(60);
            return db.AppointmentSlots.AsNoTracking()
                .Where(s => s.ServiceItemId == hall.Item("A") && s.Day == app.Today && s.CounterId == counter && s.Start >= from)
                .OrderBy(s => s.Start).FirstAsync();
        });

    private async Task<(TestHall Hall, ApiClient Integrator)> HallAsync(bool perCounter)
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 3, heldPercent: 0);
        if (perCounter)
            await app.Api(hall.Supervisor).PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/appointment-plan",
                new { bookable = true, slotMinutes = 30, capacity = 3, daysAhead = 7, perCounter = true, requiresIdNumber = false });
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        await SlotsAsync(integrator, hall, app.Today); // the day's slots are made on this first reading
        return (hall, integrator);
    }

    /// <summary>Books the slot, issues a walk-in, checks in 20 minutes before; then the slot begins. The appointment's ticket.</summary>
    private async Task<(TicketDto WalkIn, Guid Ticket, Guid? Target)> CheckInAsync(TestHall hall, ApiClient integrator, AppointmentSlot slot)
    {
        var booking = await BookAsync(integrator, slot.Id, Phone(1));
        var kiosk = app.Api(hall.Kiosk);
        var walkIn = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(slot.Start - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(20));
        var checkIn = await kiosk.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in", new { code = booking["code"]!.GetValue<string>() });
        var ticket = Id(checkIn["ticket"]);
        var target = await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket).Select(t => t.TargetCounterId).SingleAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        return (walkIn, ticket, target);
    }

    [Fact]
    public async Task CheckIn_ASlotOfACounter_OnlyThatCounterCallsIt()
    {
        var (hall, integrator) = await HallAsync(perCounter: true);
        var slot = await SlotSoonAsync(hall, hall.Counters[1]);
        var (walkIn, ticket, target) = await CheckInAsync(hall, integrator, slot);
        Assert.Equal(hall.Counters[1], target);

        // Counter 1 serves the item too, but takes the walk-in; counter 2 calls the appointment.
        var first = app.Api(hall.Staff[0]);
        await first.OpenAsync(hall.Counters[0]);
        var chosen = await first.PostAsync($"/api/counters/{hall.Counters[0]}/tickets/{ticket}/call", new { reason = "家属一起办理" });
        await Expect.ProblemAsync(chosen, HttpStatusCode.Conflict, ErrorCodes.TicketNotServedHere);
        Assert.Equal(walkIn.Id, (await first.CallNextAsync(hall.Counters[0]))!.Id);
        var second = app.Api(hall.Staff[1]);
        await second.OpenAsync(hall.Counters[1]);
        Assert.Equal(ticket, (await second.CallNextAsync(hall.Counters[1]))!.Id);
    }

    [Fact]
    public async Task CheckIn_ASlotWithAStaffMemberSignedIn_GoesToTheirCounter()
    {
        var (hall, integrator) = await HallAsync(perCounter: false);
        var slot = await SlotSoonAsync(hall, null);
        var doctor = await TestHall.UserIdAsync(app, hall.Staff[1]);
        var named = await app.Api(hall.Supervisor).PutOkAsync<JsonObject>($"/api/slots/{slot.Id}/staff", new { staffUserId = doctor });
        Assert.Equal((doctor, hall.Staff[1]), (named["staffUserId"]!.GetValue<Guid>(), named["staffName"]!.GetValue<string>()));
        var second = app.Api(hall.Staff[1]);
        await second.OpenAsync(hall.Counters[1]);

        var (walkIn, ticket, target) = await CheckInAsync(hall, integrator, slot);
        Assert.Equal(hall.Counters[1], target);
        var first = app.Api(hall.Staff[0]);
        await first.OpenAsync(hall.Counters[0]);
        Assert.Equal(walkIn.Id, (await first.CallNextAsync(hall.Counters[0]))!.Id);
        Assert.Equal(ticket, (await second.CallNextAsync(hall.Counters[1]))!.Id);
    }

    [Fact]
    public async Task CheckIn_ASlotWithAStaffMemberNotSignedIn_WaitsInTheItemsAppointmentLane()
    {
        var (hall, integrator) = await HallAsync(perCounter: false);
        var slot = await SlotSoonAsync(hall, null);
        await app.Api(hall.Supervisor).PutOkAsync<JsonObject>($"/api/slots/{slot.Id}/staff",
            new { staffUserId = await TestHall.UserIdAsync(app, hall.Staff[1]) });

        var (walkIn, ticket, target) = await CheckInAsync(hall, integrator, slot);
        Assert.Null(target);
        var first = app.Api(hall.Staff[0]);
        await first.OpenAsync(hall.Counters[0]);
        // Before the walk-in that came earlier: the appointment lane, as for any slot of the item.
        Assert.Equal(ticket, (await first.CallNextAsync(hall.Counters[0]))!.Id);
        Assert.NotEqual(walkIn.Id, ticket);
    }

    [Fact]
    public async Task AssignSlotStaff_BadInput_ProblemsInTheRequestsLanguage_NothingChanged()
    {
        var (hall, _) = await HallAsync(perCounter: true);
        var supervisor = app.Api(hall.Supervisor);
        var ofCounter = await SlotSoonAsync(hall, hall.Counters[0]);
        var staff = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var refused = await supervisor.PutAsync($"/api/slots/{ofCounter.Id}/staff", new { staffUserId = staff }, "en");
        Assert.Contains("counter", (await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, AppointmentErrorCodes.SlotHasCounter))["detail"]!.GetValue<string>());

        var other = await TestHall.CreateAsync(app);
        foreach (var stranger in new[] { Guid.NewGuid(), await TestHall.UserIdAsync(app, other.Staff[0]), await TestHall.UserIdAsync(app, hall.Supervisor) })
        {
            var bad = await supervisor.PutAsync($"/api/slots/{ofCounter.Id}/staff", new { staffUserId = stranger });
            var problem = await Expect.ProblemAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.UserNotFound);
            Assert.NotNull(problem["errors"]?["staffUserId"]);
        }
        await Expect.ProblemAsync(await supervisor.PutAsync($"/api/slots/{Guid.NewGuid()}/staff", new { staffUserId = staff }),
            HttpStatusCode.NotFound, AppointmentErrorCodes.SlotNotFound);
        Assert.Null(await app.WithDbAsync(db => db.AppointmentSlots.Where(s => s.Id == ofCounter.Id).Select(s => s.StaffUserId).SingleAsync()));
    }
}

public sealed class SqliteSlotCounterTests(SqliteHallApp app) : SlotCounterTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSlotCounterTests(PostgresHallApp app) : SlotCounterTests(app), IClassFixture<PostgresHallApp>;
