using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Appointments.AppointmentFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>Q8 on the day: check-in at the kiosk into the appointment lane, too early or too late, no-shows and 爽约, the supervisors' list.</summary>
public abstract class CheckInBookingTests(HallApp app)
{
    /// <summary>A booking of a slot of today that starts 60 to 90 minutes from now.</summary>
    private async Task<(TestHall Hall, JsonNode Slot, JsonObject Booking, ApiClient Integrator)> BookedSoonAsync(bool requiresIdNumber = false,
        string? idNumber = null, int noShowLimit = 3)
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5, heldPercent: 0, requiresIdNumber: requiresIdNumber, noShowLimit: noShowLimit);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slot = (await SlotsAsync(integrator, hall, app.Today)).First(s => Start(s!) >= app.Clock.GetUtcNow().AddMinutes(60))!;
        var booking = await BookAsync(integrator, Id(slot), Phone(1), "李建国", idNumber);
        return (hall, slot, booking, integrator);
    }

    [Fact]
    public async Task CheckIn_ByCodeWithinTheWindow_TicketInTheAppointmentLane_CalledFirstOnceTheSlotBegins()
    {
        var (hall, slot, booking, _) = await BookedSoonAsync();
        var kiosk = app.Api(hall.Kiosk);
        var walkIn = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(20));

        var checkIn = await kiosk.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in",
            new { code = booking["code"]!.GetValue<string>().ToLowerInvariant() });
        var ticket = checkIn["ticket"]!;
        Assert.Equal("appointment", ticket["channel"]!.GetValue<string>());
        Assert.Equal("checkedIn", checkIn["booking"]!["status"]!.GetValue<string>());
        var again = await kiosk.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { code = booking["code"]!.GetValue<string>() });
        await Expect.ProblemAsync(again, HttpStatusCode.Conflict, AppointmentErrorCodes.BookingNotActive);

        // A later walk-in; once the slot has begun the appointment goes before both.
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var called = await staff.CallNextAsync(hall.Counters[0]);
        Assert.Equal(Id(ticket), called!.Id);
        Assert.NotEqual(walkIn.Id, called.Id);
        var stored = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == Id(booking)));
        Assert.Equal(Id(ticket), stored.TicketId);
    }

    [Fact]
    public async Task CheckIn_TooEarlyOrTooLate_ClearMessageAndTheWalkInPath_NoTicket()
    {
        var (hall, slot, booking, _) = await BookedSoonAsync();
        var kiosk = app.Api(hall.Kiosk);
        var code = booking["code"]!.GetValue<string>();

        var early = await kiosk.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { code }, "en");
        var problem = await Expect.ProblemAsync(early, HttpStatusCode.Conflict, AppointmentErrorCodes.CheckInTooEarly);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(Start(slot).ToString("HH:mm"), detail);
        Assert.Contains(Start(slot).AddMinutes(-30).ToString("HH:mm"), detail);
        Assert.Contains("walk-in ticket", detail);

        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(16));
        var late = await kiosk.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { code });
        problem = await Expect.ProblemAsync(late, HttpStatusCode.Conflict, AppointmentErrorCodes.CheckInTooLate);
        Assert.Contains("请取普通号排队", problem["detail"]!.GetValue<string>());
        Assert.False(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.HallId == hall.Id)));
        var unknown = await kiosk.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { code = "ZZZZZZZZ" });
        await Expect.ProblemAsync(unknown, HttpStatusCode.NotFound, AppointmentErrorCodes.CheckInNotFound);
        var empty = await kiosk.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { });
        await Expect.ProblemAsync(empty, HttpStatusCode.BadRequest, "Required");
    }

    [Fact]
    public async Task CheckIn_ByIdNumber_ForAnItemThatTakesIt()
    {
        var (hall, slot, booking, _) = await BookedSoonAsync(requiresIdNumber: true, idNumber: "11010519491231002X");
        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(5));

        var checkIn = await app.Api(hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in",
            new { idNumber = "11010519491231002x" });
        Assert.Equal(Id(booking), Id(checkIn["booking"]));
        Assert.Equal("appointment", checkIn["ticket"]!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckIn_AnonymousKioskByCode_Ticket_ByIdNumberOrAsIntegrator_403()
    {
        var (hall, slot, booking, integrator) = await BookedSoonAsync(requiresIdNumber: true, idNumber: "11010519491231002X");
        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(5));

        var byId = await app.Api().PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { idNumber = "11010519491231002X" }, "en");
        var problem = await Expect.ProblemAsync(byId, HttpStatusCode.Forbidden, AppointmentErrorCodes.CheckInByIdNumberAtKiosk);
        Assert.Contains("booking code", problem["detail"]!.GetValue<string>());
        var asIntegrator = await integrator.PostAsync($"/api/halls/{hall.Id}/bookings/check-in", new { code = booking["code"]!.GetValue<string>() });
        await Expect.ProblemAsync(asIntegrator, HttpStatusCode.Forbidden);

        var checkIn = await app.Api().PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in", new { code = booking["code"]!.GetValue<string>() });
        Assert.Equal("appointment", checkIn["ticket"]!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoShows_RecordedWhenTheWindowCloses_RepeatNoShowsBlockOnlineBooking()
    {
        var (hall, slot, booking, integrator) = await BookedSoonAsync(noShowLimit: 3);
        var phone = (await RevealAsync(hall, Id(booking)))["phone"]!.GetValue<string>();
        await AddPastNoShowsAsync(hall, Id(slot), phone, 2);

        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(14));
        Assert.Equal(0, await RecordNoShowsAsync(hall.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RecordNoShowsAsync(hall.Id));
        Assert.Equal(0, await RecordNoShowsAsync(hall.Id));
        var stored = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == Id(booking)));
        Assert.Equal(BookingStatus.NoShow, stored.Status);

        // The third no-show within 180 days: online booking is refused, told with the date; at the hall it goes on.
        var tomorrow = await SlotsAsync(integrator, hall, app.Today.AddDays(1));
        var blocked = await integrator.PostAsync($"/api/slots/{Id(tomorrow[20])}/bookings", new { name = "李建国", phone }, "en");
        var problem = await Expect.ProblemAsync(blocked, HttpStatusCode.Conflict, AppointmentErrorCodes.Blocked);
        var until = new ServiceHall.Core.Features.Halls.HallClock("Asia/Shanghai").ToLocal(stored.NoShowAt!.Value.AddDays(90));
        Assert.Contains(until.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture), problem["detail"]!.GetValue<string>());
        await BookAsync(app.Api(hall.Staff[0]), Id(tomorrow[20]), phone);
    }

    [Fact]
    public async Task ListBookings_Supervisor_BookingsPerSlotCheckInsAndNoShowRate_MaskedThenRevealedWithAudit()
    {
        var (hall, slot, booking, integrator) = await BookedSoonAsync();
        var second = await BookAsync(integrator, Id(slot), Phone(2), "王芳");
        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        await app.Api(hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in", new { code = booking["code"]!.GetValue<string>() });
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await RecordNoShowsAsync(hall.Id);

        var supervisor = app.Api(hall.Supervisor);
        var day = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings?date={app.Today:yyyy-MM-dd}");
        var row = day["slots"]!.AsArray().Single(s => Id(s) == Id(slot))!;
        Assert.Equal((2, 1, 1), (row["booked"]!.GetValue<int>(), row["checkedIn"]!.GetValue<int>(), row["noShows"]!.GetValue<int>()));
        Assert.Equal(0.5, day["noShowRate"]!.GetValue<double>());
        Assert.Equal("王*", day["bookings"]!.AsArray().Single(b => Id(b) == Id(second))!["name"]!.GetValue<string>());
        Assert.DoesNotContain("王芳", day.ToJsonString());

        var revealed = await RevealAsync(hall, Id(second));
        Assert.Equal("王芳", revealed["name"]!.GetValue<string>());
        Assert.Equal(2, await app.WithDbAsync(db => db.PersonalDataReads.CountAsync(r => r.SubjectId == Id(second) && r.SubjectType == "Booking")));

        var noPurpose = await supervisor.PostAsync($"/api/bookings/{Id(second)}/reveal", new { });
        await Expect.ProblemAsync(noPurpose, HttpStatusCode.BadRequest, "Required");
        // A slot's capacity never below its bookings.
        var cut = await supervisor.PutAsync($"/api/slots/{Id(slot)}", new { capacity = 1, held = 0 });
        await Expect.ProblemAsync(cut, HttpStatusCode.Conflict, AppointmentErrorCodes.CapacityBelowBooked);
        var edited = await supervisor.PutOkAsync<JsonObject>($"/api/slots/{Id(slot)}", new { capacity = 8, held = 2 });
        Assert.Equal((8, 2), (edited["capacity"]!.GetValue<int>(), edited["held"]!.GetValue<int>()));
    }

    private async Task<JsonObject> RevealAsync(TestHall hall, Guid bookingId) =>
        await app.Api(hall.Supervisor).PostOkAsync<JsonObject>($"/api/bookings/{bookingId}/reveal", new { purpose = "核实爽约" });

    private async Task<int> RecordNoShowsAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecordNoShows>().HandleAsync(hallId, CancellationToken.None);
    }

    /// <summary>Earlier no-shows of this phone, on earlier days (within the 180 days the rule counts).</summary>
    private async Task AddPastNoShowsAsync(TestHall hall, Guid slotId, string phone, int count)
    {
        using var scope = app.Services.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().LookupKeyAsync(PersonalDataKind.Phone, phone);
        await app.WithDbAsync(async db =>
        {
            var slot = await db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == slotId);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var n = 1; n <= count; n++)
            {
                db.Bookings.Add(new Booking
                {
                    Id = Guid.CreateVersion7(), HallId = hall.Id, ServiceItemId = slot.ServiceItemId, SlotId = slot.Id, Day = slot.Day.AddDays(-10 * n),
                    SlotStart = slot.Start.AddDays(-10 * n), SlotEnd = slot.End.AddDays(-10 * n), Code = BookSlot.NewCode(),
                    Status = BookingStatus.NoShow, PhoneKey = key, BookedAt = now.AddDays(-10 * n - 1), NoShowAt = now.AddDays(-10 * n),
                });
            }
            await db.SaveChangesAsync();
        });
    }

    private static DateTimeOffset Start(JsonNode slot) => DateTimeOffset.Parse(slot["start"]!.GetValue<string>());
}

public sealed class SqliteCheckInBookingTests(SqliteHallApp app) : CheckInBookingTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCheckInBookingTests(PostgresHallApp app) : CheckInBookingTests(app), IClassFixture<PostgresHallApp>;
