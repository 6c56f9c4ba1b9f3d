using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Appointments.AppointmentFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>Q8: slots from the hall's hours and calendar, booking through the integrator API, the held share, cancelling.</summary>
public abstract class BookSlotTests(HallApp app)
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    private DateOnly Tomorrow => app.Today.AddDays(1);

    [Fact]
    public async Task ListSlots_BookableItem_SlotsOfTheDayWithCapacityAndAvailable()
    {
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.WeekdayHours = [];
            h.OpensAt = new TimeOnly(9, 0);
            h.ClosesAt = new TimeOnly(17, 0);
            h.LunchStartsAt = new TimeOnly(12, 0);
            h.LunchEndsAt = new TimeOnly(13, 30);
        });
        await BookableAsync(app, hall, capacity: 10, slotMinutes: 60);
        var day = NextWeekday(Tomorrow);

        var slots = await SlotsAsync(app.Api(), hall, day);

        // 09–12 and 13:30–16:30: the lunch break splits the day, no slot crosses the closing.
        Assert.Equal(["09:00", "10:00", "11:00", "13:30", "14:30", "15:30"], slots.Select(s => Start(s!).ToString("HH:mm")));
        var first = slots[0]!;
        Assert.Equal(TimeSpan.FromHours(8), Start(first).Offset); // the hall's time, with its offset
        Assert.Equal(10, first["capacity"]!.GetValue<int>());
        Assert.Equal(8, first["available"]!.GetValue<int>()); // 20 % held for on-site booking and the elderly
        Assert.Equal(["available", "capacity", "end", "id", "start"], first.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task ListSlots_DayOffInTheHallCalendar_NoSlots()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5);
        var day = Tomorrow.AddDays(1);
        await app.WithDbAsync(async db =>
        {
            db.HallCalendarDays.Add(new HallCalendarDay
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, Date = day, Kind = CalendarDayKind.DayOff, Name = "本地休息日",
                UpdatedAt = DateTime.UtcNow, UpdatedByUserId = await TestHall.UserIdAsync(app, hall.Supervisor),
            });
            await db.SaveChangesAsync();
        });

        Assert.Empty(await SlotsAsync(app.Api(), hall, day));
        Assert.NotEmpty(await SlotsAsync(app.Api(), hall, Tomorrow));
    }

    [Fact]
    public async Task ListSlots_ItemNotBookableOrNoDate_ProblemsInTheRequestsLanguage()
    {
        var hall = await TestHall.CreateAsync(app);
        var notBookable = await app.Api().GetAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("B")}/slots?date={Tomorrow:yyyy-MM-dd}", "en");
        var problem = await Expect.ProblemAsync(notBookable, HttpStatusCode.NotFound, AppointmentErrorCodes.NotBookable);
        Assert.Equal("This item cannot be booked.", problem["detail"]!.GetValue<string>());

        await BookableAsync(app, hall, capacity: 5);
        var noDate = await app.Api().GetAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/slots");
        await Expect.ProblemAsync(noDate, HttpStatusCode.BadRequest, "Required");
        var badDate = await app.Api().GetAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/slots?date=tomorrow");
        await Expect.ProblemAsync(badDate, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Book_ByIntegrator_201WithCode_PersonalDataSealedAndMasked()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slot = (await SlotsAsync(integrator, hall, Tomorrow))[20]!;

        var response = await integrator.PostAsync($"/api/slots/{Id(slot)}/bookings",
            new { name = "李建国", phone = "138 0013 8000", idNumber = "11010519491231002x" });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var booking = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!;

        Assert.Equal($"/api/bookings/{Id(booking)}", response.Headers.Location!.OriginalString);
        Assert.Equal(Id(slot), booking["slotId"]!.GetValue<Guid>());
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", booking["code"]!.GetValue<string>());
        Assert.Equal("李**", booking["name"]!.GetValue<string>());
        Assert.DoesNotContain("00138000", booking.ToJsonString());
        var stored = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == Id(booking)));
        Assert.DoesNotContain("李建国", stored.NameCipher);
        Assert.DoesNotContain("13800138000", stored.PhoneCipher);
        Assert.DoesNotContain("13800138000", stored.PhoneKey);
        Assert.Equal(BookingChannel.Online, stored.Channel);
        // 5 places, 1 held (20 %), 1 booked.
        Assert.Equal(3, (await SlotsAsync(integrator, hall, Tomorrow))[20]!["available"]!.GetValue<int>());
    }

    [Fact]
    public async Task Book_SamePersonSameItemAndDay_409_ByPhoneWrittenAnotherWayOrByIdNumber()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slots = await SlotsAsync(integrator, hall, Tomorrow);
        await BookAsync(integrator, Id(slots[20]), "13800138000", idNumber: "11010519491231002X");

        var samePhone = await integrator.PostAsync($"/api/slots/{Id(slots[22])}/bookings", new { name = "张三", phone = "+86 138-0013-8000" }, "en");
        var problem = await Expect.ProblemAsync(samePhone, HttpStatusCode.Conflict, AppointmentErrorCodes.AlreadyBooked);
        Assert.Contains("one booking per person", problem["detail"]!.GetValue<string>());
        var sameId = await integrator.PostAsync($"/api/slots/{Id(slots[23])}/bookings",
            new { name = "张三", phone = "13900000001", idNumber = "11010519491231002X" });
        await Expect.ProblemAsync(sameId, HttpStatusCode.Conflict, AppointmentErrorCodes.AlreadyBooked);

        // Another day, or another item, is another booking.
        var nextDay = await SlotsAsync(integrator, hall, Tomorrow.AddDays(1));
        await BookAsync(integrator, Id(nextDay[20]), "13800138000");
    }

    [Fact]
    public async Task Book_200AtOnceForASlotOf50_Exactly50()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 50, heldPercent: 0);
        var integrator = await app.Api(await IntegratorAsync(app, hall.Id)).SignInAsync();
        var slot = Id((await SlotsAsync(integrator, hall, Tomorrow))[20]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(n =>
            integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = "张三", phone = $"1370000{n:0000}" })));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(150, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, AppointmentErrorCodes.SlotFull);
        var (booked, rows) = await app.WithDbAsync(async db => (
            await db.AppointmentSlots.Where(s => s.Id == slot).Select(s => s.Booked).SingleAsync(),
            await db.Bookings.CountAsync(b => b.SlotId == slot)));
        Assert.Equal(50, booked);
        Assert.Equal(50, rows);
    }

    [Fact]
    public async Task Book_HeldShare_OnlineStopsShort_ElderlyOnSiteAndAfterReleaseTakeTheRest()
    {
        var hall = await TestHall.CreateAsync(app);
        // 5 places, 2 held (40 %) until 23:59 of the slot's day: released too late to matter here.
        await BookableAsync(app, hall, capacity: 5, heldPercent: 40, heldReleaseAt: "23:59:00");
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slot = Id((await SlotsAsync(integrator, hall, Tomorrow))[20]);
        for (var n = 0; n < 3; n++)
            await BookAsync(integrator, slot, Phone(n));

        var full = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = "王五", phone = Phone(3) });
        await Expect.ProblemAsync(full, HttpStatusCode.Conflict, AppointmentErrorCodes.SlotFull);
        Assert.Equal(0, (await SlotsAsync(integrator, hall, Tomorrow))[20]!["available"]!.GetValue<int>());

        // An elderly citizen online (born 1949), and a younger one booked by staff at the hall, take the held places.
        await BookAsync(integrator, slot, Phone(4), idNumber: "11010519491231002X");
        var onSite = await BookAsync(app.Api(hall.Staff[0]), slot, Phone(5));
        Assert.Equal(BookingChannel.OnSite, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == Id(onSite)).Select(b => b.Channel).SingleAsync()));
        var overfull = await app.Api(hall.Staff[0]).PostAsync($"/api/slots/{slot}/bookings", new { name = "赵六", phone = Phone(6) });
        await Expect.ProblemAsync(overfull, HttpStatusCode.Conflict, AppointmentErrorCodes.SlotFull);
    }

    [Fact]
    public async Task Book_HeldPlacesReleasedAtTheHour_OnlineTakesThem()
    {
        var hall = await TestHall.CreateAsync(app);
        var day = Tomorrow;
        // Released at 00:30 on the slot's day; the slot is at 10:00 that day.
        await BookableAsync(app, hall, capacity: 5, heldPercent: 40, heldReleaseAt: "00:30:00");
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slot = (await SlotsAsync(integrator, hall, day))[20]!;
        Assert.Equal(3, slot["available"]!.GetValue<int>());

        var release = Shanghai.ToUtc(day, new TimeOnly(0, 30));
        app.Clock.Advance(release - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        Assert.Equal(5, (await SlotsAsync(integrator, hall, day))[20]!["available"]!.GetValue<int>());
        for (var n = 0; n < 5; n++)
            await BookAsync(integrator, Id(slot), Phone(n));
    }

    [Fact]
    public async Task Book_BadInput_400InTheRequestsLanguage_NothingWritten()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5, requiresIdNumber: true);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var slot = Id((await SlotsAsync(integrator, hall, Tomorrow))[20]);

        var noName = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { phone = "13800138000", idNumber = "11010519491231002X" }, "en");
        Assert.Equal("Enter the name of the person booking.", (await Expect.ProblemAsync(noName, HttpStatusCode.BadRequest,
            AppointmentErrorCodes.NameRequired))["detail"]!.GetValue<string>());
        var badPhone = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = "张三", phone = "12ab", idNumber = "11010519491231002X" });
        await Expect.ProblemAsync(badPhone, HttpStatusCode.BadRequest, "PhoneInvalid");
        var noId = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = "张三", phone = "13800138000" });
        var problem = await Expect.ProblemAsync(noId, HttpStatusCode.BadRequest, AppointmentErrorCodes.IdNumberRequired);
        Assert.Equal("该事项预约需要填写身份证号。", problem["detail"]!.GetValue<string>());
        var badId = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = "张三", phone = "13800138000", idNumber = "110105194912310021" });
        await Expect.ProblemAsync(badId, HttpStatusCode.BadRequest, "IdNumberInvalid");
        var longName = await integrator.PostAsync($"/api/slots/{slot}/bookings", new { name = new string('张', 51), phone = "13800138000" });
        await Expect.ProblemAsync(longName, HttpStatusCode.BadRequest, "TooLong");
        var unknown = await integrator.PostAsync($"/api/slots/{Guid.NewGuid()}/bookings", new { name = "张三", phone = "13800138000" });
        await Expect.ProblemAsync(unknown, HttpStatusCode.NotFound, AppointmentErrorCodes.SlotNotFound);

        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.SlotId == slot)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AppointmentSlots.Where(s => s.Id == slot).Select(s => s.Booked).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_WithCodeBeforeTheDeadline_PlaceReturns_WrongCodeOrLate_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5, heldPercent: 0);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        // A slot about three hours ahead.
        var slots = await SlotsAsync(integrator, hall, app.Today);
        var slot = slots.First(s => Start(s!) > app.Clock.GetUtcNow().AddHours(3))!;
        var first = await BookAsync(integrator, Id(slot), Phone(1));
        var second = await BookAsync(integrator, Id(slot), Phone(2));

        var wrong = await integrator.Http.DeleteAsync($"/api/bookings/{Id(first)}?code=AAAAAAAA");
        await Expect.ProblemAsync(wrong, HttpStatusCode.NotFound, AppointmentErrorCodes.BookingNotFound);
        var noCode = await integrator.Http.DeleteAsync($"/api/bookings/{Id(first)}");
        await Expect.ProblemAsync(noCode, HttpStatusCode.BadRequest, "Required");
        var cancelled = await integrator.Http.DeleteAsync($"/api/bookings/{Id(first)}?code={first["code"]!.GetValue<string>().ToLowerInvariant()}");
        await Expect.StatusAsync(cancelled, HttpStatusCode.NoContent);
        Assert.Equal(4, (await SlotsAsync(integrator, hall, app.Today)).Single(s => Id(s) == Id(slot))!["available"]!.GetValue<int>());
        var again = await integrator.Http.DeleteAsync($"/api/bookings/{Id(first)}?code={first["code"]}");
        await Expect.ProblemAsync(again, HttpStatusCode.Conflict, AppointmentErrorCodes.BookingNotActive);
        // The same person may book again once cancelled.
        await BookAsync(integrator, Id(slot), Phone(1));

        app.Clock.Advance(Start(slot) - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(59));
        using var late = new HttpRequestMessage(HttpMethod.Delete, $"/api/bookings/{Id(second)}?code={second["code"]}");
        late.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await Expect.ProblemAsync(await integrator.Http.SendAsync(late), HttpStatusCode.Conflict, AppointmentErrorCodes.CancelDeadlinePassed);
        Assert.Contains("until", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Integrator_OfAnotherHall_Refused403()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5);
        var slot = Id((await SlotsAsync(app.Api(), hall, Tomorrow))[20]);
        var stranger = app.Api(await IntegratorAsync(app, other.Id));

        var response = await stranger.PostAsync($"/api/slots/{slot}/bookings", new { name = "张三", phone = "13800138000" });
        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden, "OtherHall");
        var slots = await stranger.GetAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/slots?date={Tomorrow:yyyy-MM-dd}");
        await Expect.ProblemAsync(slots, HttpStatusCode.Forbidden, "OtherHall");
    }

    private static DateTimeOffset Start(JsonNode slot) => DateTimeOffset.Parse(slot["start"]!.GetValue<string>());

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(1);
        return day;
    }
}

public sealed class SqliteBookSlotTests(SqliteHallApp app) : BookSlotTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresBookSlotTests(PostgresHallApp app) : BookSlotTests(app), IClassFixture<PostgresHallApp>;
