using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Appointments.AppointmentFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>
/// Q8 from the citizen's phone: the hall's offer (items, working days with places), an anonymous booking limited like
/// anonymous issue, the code read back and as a QR code, cancel with the code, every refusal in the request's language,
/// and halls that do not use appointments.
/// </summary>
public abstract class PhoneBookingTests(HallApp app)
{
    private DateOnly Tomorrow => app.Today.AddDays(1);

    /// <summary>A hospital (its template uses appointments) whose item A is bookable; Saturdays closed.</summary>
    private async Task<TestHall> HospitalAsync(int capacity = 2, bool requiresIdNumber = false, int noShowLimit = 3)
    {
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.Kind = HallKind.Hospital;
            h.WeekdayHours = [new WeekdayHours(DayOfWeek.Saturday, true), TestHall.AllDay(DayOfWeek.Sunday)];
        });
        await BookableAsync(app, hall, capacity, heldPercent: 0, requiresIdNumber: requiresIdNumber, noShowLimit: noShowLimit);
        return hall;
    }

    private static async Task<JsonArray> PhoneSlotsAsync(ApiClient client, TestHall hall, DateOnly day) => await SlotsAsync(client, hall, day);

    private static Task<HttpResponseMessage> PhoneBookAsync(ApiClient client, Guid slotId, object body, string? language = null) =>
        client.PostAsync($"/api/slots/{slotId}/phone-bookings", body, language);

    [Fact]
    public async Task BookFromPhone_Anonymous_OnlineBookingSealed_CodeReadBackAsItsQr_CancelledWithTheCode()
    {
        var hall = await HospitalAsync();
        var phone = app.Api();
        var offer = await phone.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/booking-offer");
        var item = offer["items"]!.AsArray().Single()!;
        Assert.Equal(hall.Item("A"), Id(item));
        Assert.False(item["requiresIdNumber"]!.GetValue<bool>());
        Assert.Equal(app.Today.ToString("yyyy-MM-dd"), offer["now"]!.GetValue<string>()[..10]);
        Assert.Equal(60, offer["cancelBeforeMinutes"]!.GetValue<int>());
        // Working days only: the Saturday of this week (2026-11-28) is closed and has no slots.
        var days = item["days"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()).ToList();
        Assert.Contains(Tomorrow.ToString("yyyy-MM-dd"), days);
        Assert.DoesNotContain("2026-11-28", days);
        Assert.Contains("2026-11-29", days);
        var slots = await PhoneSlotsAsync(phone, hall, Tomorrow);
        var tomorrowPlaces = Available(item, Tomorrow);
        Assert.Equal(slots.Count * 2, tomorrowPlaces);

        var slot = Id(slots[20]);
        var created = await PhoneBookAsync(phone, slot, new { name = "李建国", phone = "139 0000 1234" });
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        var booking = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = booking["code"]!.GetValue<string>();
        Assert.Equal(Booking.CodeLength, code.Length);
        Assert.Equal("李**", booking["name"]!.GetValue<string>());
        Assert.DoesNotContain("1390000", booking.ToJsonString());
        var stored = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == Id(booking)));
        Assert.Equal((BookingChannel.Online, Guid.Empty), (stored.Channel, stored.BookedByUserId));
        Assert.DoesNotContain("李建国", stored.NameCipher);
        Assert.Equal(tomorrowPlaces - 1, Available((await phone.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/booking-offer"))["items"]![0]!, Tomorrow));

        // Read back with its code (the page after a reload); a wrong or missing code tells nothing.
        var read = await phone.GetOkAsync<JsonObject>($"/api/bookings/{Id(booking)}?code={code.ToLowerInvariant()}");
        Assert.Equal(("booked", code), (read["status"]!.GetValue<string>(), read["code"]!.GetValue<string>()));
        await Expect.ProblemAsync(await phone.GetAsync($"/api/bookings/{Id(booking)}?code=ZZZZZZZZ"), HttpStatusCode.NotFound,
            AppointmentErrorCodes.BookingNotFound);
        await Expect.ProblemAsync(await phone.GetAsync($"/api/bookings/{Id(booking)}", "en"), HttpStatusCode.BadRequest, "Required");

        // The QR code carries the code alone: what the kiosk's scanner types into its check-in field.
        var qr = await phone.GetAsync($"/api/bookings/{Id(booking)}/qr.svg?code={code}");
        await Expect.StatusAsync(qr, HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M))
            Assert.Equal(new SvgQRCode(data).GetGraphic(8), await qr.Content.ReadAsStringAsync());
        await Expect.ProblemAsync(await phone.GetAsync($"/api/bookings/{Id(booking)}/qr.svg?code=ZZZZZZZZ"), HttpStatusCode.NotFound,
            AppointmentErrorCodes.BookingNotFound);

        // Cancelled from the phone with the code (the integrators' DELETE): the place goes back.
        var wrong = await DeleteAsync(phone, $"/api/bookings/{Id(booking)}?code=ZZZZZZZZ");
        await Expect.ProblemAsync(wrong, HttpStatusCode.NotFound, AppointmentErrorCodes.BookingNotFound);
        await Expect.StatusAsync(await DeleteAsync(phone, $"/api/bookings/{Id(booking)}?code={code}"), HttpStatusCode.NoContent);
        Assert.Equal("cancelled", (await phone.GetOkAsync<JsonObject>($"/api/bookings/{Id(booking)}?code={code}"))["status"]!.GetValue<string>());
        Assert.Equal(tomorrowPlaces, Available((await phone.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/booking-offer"))["items"]![0]!, Tomorrow));
    }

    [Fact]
    public async Task BookFromPhone_EveryRefusal_InTheRequestsLanguage_NothingWritten()
    {
        var hall = await HospitalAsync(capacity: 1, requiresIdNumber: true);
        var phone = app.Api();
        var slots = await PhoneSlotsAsync(phone, hall, Tomorrow);
        var (first, second) = (Id(slots[20]), Id(slots[21]));
        const string idNumber = "11010519491231002X";
        await Expect.StatusAsync(await PhoneBookAsync(phone, first, new { name = "王芳", phone = Phone(1), idNumber }), HttpStatusCode.Created);

        // Full: the one place is taken.
        var full = await PhoneBookAsync(phone, first, new { name = "张三", phone = Phone(2), idNumber = "110105196611240012" }, "en");
        Assert.Contains("fully booked", (await Expect.ProblemAsync(full, HttpStatusCode.Conflict, AppointmentErrorCodes.SlotFull))["detail"]!.GetValue<string>());
        // Already booked: the same person (by ID number, another phone) on the same item and day.
        var twice = await PhoneBookAsync(phone, second, new { name = "王芳", phone = Phone(3), idNumber });
        Assert.Contains("每人每天只能预约一次", (await Expect.ProblemAsync(twice, HttpStatusCode.Conflict, AppointmentErrorCodes.AlreadyBooked))["detail"]!.GetValue<string>());
        // Bad input: 400 in the request's language, field by field.
        var noId = await PhoneBookAsync(phone, second, new { name = "赵六", phone = Phone(4) });
        Assert.Contains("身份证号", (await Expect.ProblemAsync(noId, HttpStatusCode.BadRequest, AppointmentErrorCodes.IdNumberRequired))["detail"]!.GetValue<string>());
        var badPhone = await PhoneBookAsync(phone, second, new { name = "赵六", phone = "12ab", idNumber = "110105196611240012" }, "en");
        var problem = await Expect.ProblemAsync(badPhone, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?["phone"]);
        await Expect.ProblemAsync(await PhoneBookAsync(phone, second, new { phone = Phone(4), idNumber = "110105196611240012" }),
            HttpStatusCode.BadRequest, AppointmentErrorCodes.NameRequired);
        await Expect.ProblemAsync(await PhoneBookAsync(phone, Guid.NewGuid(), new { name = "赵六", phone = Phone(4) }),
            HttpStatusCode.NotFound, AppointmentErrorCodes.SlotNotFound);

        var booked = await app.WithDbAsync(db => db.AppointmentSlots.Where(s => s.Id == first || s.Id == second).SumAsync(s => s.Booked));
        Assert.Equal(1, booked);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HallId == hall.Id)));
    }

    [Fact]
    public async Task BookFromPhone_AfterRepeatNoShows_BlockedWithTheDateItEnds()
    {
        var hall = await HospitalAsync(noShowLimit: 2);
        var phone = app.Api();
        var slot = (await PhoneSlotsAsync(phone, hall, Tomorrow))[20]!;
        var number = Phone(5);
        var key = await VaultKeyAsync(number);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var stored = await db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == Id(slot));
            for (var n = 1; n <= 2; n++)
            {
                db.Bookings.Add(new Booking
                {
                    Id = Guid.CreateVersion7(), HallId = hall.Id, ServiceItemId = stored.ServiceItemId, SlotId = stored.Id,
                    Day = stored.Day.AddDays(-10 * n), SlotStart = stored.Start.AddDays(-10 * n), SlotEnd = stored.End.AddDays(-10 * n),
                    Code = BookSlot.NewCode(), Status = BookingStatus.NoShow, PhoneKey = key, BookedAt = now.AddDays(-10 * n - 1),
                    NoShowAt = now.AddDays(-10 * n),
                });
            }
            await db.SaveChangesAsync();
        });

        var blocked = await PhoneBookAsync(phone, Id(slot), new { name = "李建国", phone = number });
        var detail = (await Expect.ProblemAsync(blocked, HttpStatusCode.Conflict, AppointmentErrorCodes.Blocked))["detail"]!.GetValue<string>();
        // The last no-show was 10 days ago; the block lasts 90 days from it.
        var until = new HallClock("Asia/Shanghai").ToLocal(now.AddDays(-10 + 90));
        Assert.Contains(until.ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture), detail);
        Assert.Contains("直接到大厅取号", detail);
    }

    [Fact]
    public async Task CancelFromPhone_TooLate_SaysUntilWhen()
    {
        var hall = await HospitalAsync();
        var phone = app.Api();
        // Today's first slot that starts 30 to 60 minutes from now: inside the hour before it, cancelling is closed.
        var slot = (await PhoneSlotsAsync(phone, hall, app.Today)).First(s =>
            DateTimeOffset.Parse(s!["start"]!.GetValue<string>()) >= app.Clock.GetUtcNow().AddMinutes(30))!;
        Assert.True(DateTimeOffset.Parse(slot["start"]!.GetValue<string>()) < app.Clock.GetUtcNow().AddMinutes(60));
        var created = await PhoneBookAsync(phone, Id(slot), new { name = "李建国", phone = Phone(6) });
        var booking = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        var late = await DeleteAsync(phone, $"/api/bookings/{Id(booking)}?code={booking["code"]!.GetValue<string>()}", "en");
        var detail = (await Expect.ProblemAsync(late, HttpStatusCode.Conflict, AppointmentErrorCodes.CancelDeadlinePassed))["detail"]!.GetValue<string>();
        Assert.Contains("too close", detail);
        Assert.Equal("booked", (await phone.GetOkAsync<JsonObject>($"/api/bookings/{Id(booking)}?code={booking["code"]}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HallWithAppointmentsOff_OffersNothingOnThePhone()
    {
        var hall = await HospitalAsync();
        var phone = app.Api();
        var slot = Id((await PhoneSlotsAsync(phone, hall, Tomorrow))[20]);
        var page = await phone.GetAsync($"/api/halls/{hall.Id}/booking/qr.svg");
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", page.Content.Headers.ContentType?.MediaType);
        var html = await phone.GetAsync($"/book/{hall.Id}");
        await Expect.StatusAsync(html, HttpStatusCode.OK);
        Assert.Contains("/public/book.js", await html.Content.ReadAsStringAsync());

        await app.WithDbAsync(async db =>
        {
            var stored = await db.Halls.SingleAsync(h => h.Id == hall.Id);
            stored.ModulesOff = [HallModule.Appointments];
            await db.SaveChangesAsync();
        });
        await Expect.ProblemAsync(await phone.GetAsync($"/api/halls/{hall.Id}/booking-offer"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await phone.GetAsync($"/api/halls/{hall.Id}/booking/qr.svg"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await PhoneBookAsync(phone, slot, new { name = "李建国", phone = Phone(7) }), HttpStatusCode.NotFound);
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.HallId == hall.Id)));
    }

    [Fact]
    public async Task BookFromPhone_AnonymousOverTheLimit_TooManyRequests_IntegratorUnlimited_DevicesRefused()
    {
        var hall = await HospitalAsync(capacity: 20);
        var integratorName = await IntegratorAsync(app, hall.Id);
        var slots = await PhoneSlotsAsync(app.Api(), hall, Tomorrow);
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:AnonymousTicketsPerWindow", "2"));
        var client = limited.CreateClient();
        for (var n = 0; n < 2; n++)
            await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/slots/{Id(slots[20 + n])}/phone-bookings",
                new { name = "李建国", phone = Phone(10 + n) }), HttpStatusCode.Created);
        var refused = await client.PostAsJsonAsync($"/api/slots/{Id(slots[22])}/phone-bookings", new { name = "李建国", phone = Phone(12) });
        await Expect.ProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimitedPhone");

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = integratorName, password = SeedDemoHall.DemoPassword });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        for (var n = 0; n < 4; n++)
            await Expect.StatusAsync(await client.PostAsJsonAsync($"/api/slots/{Id(slots[22 + n])}/bookings",
                new { name = "王芳", phone = Phone(20 + n) }), HttpStatusCode.Created);

        var kiosk = await app.Api(hall.Kiosk).PostAsync($"/api/slots/{Id(slots[30])}/phone-bookings", new { name = "王芳", phone = Phone(30) });
        await Expect.ProblemAsync(kiosk, HttpStatusCode.Forbidden, ServiceHall.Core.Features.Devices.DeviceErrorCodes.NotItsJob);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(ApiClient client, string url, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.Http.SendAsync(request);
    }

    private static int Available(JsonNode item, DateOnly day) =>
        item["days"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == day.ToString("yyyy-MM-dd"))!["available"]!.GetValue<int>();

    private async Task<string> VaultKeyAsync(string phone)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().LookupKeyAsync(PersonalDataKind.Phone, phone);
    }
}

public sealed class SqlitePhoneBookingTests(SqliteHallApp app) : PhoneBookingTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPhoneBookingTests(PostgresHallApp app) : PhoneBookingTests(app), IClassFixture<PostgresHallApp>;
