using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>09:40 in Shanghai on a Tuesday: the demo hall opens at 09:30, 不动产登记 (G) is booked in half-hour slots.</summary>
public sealed class AppointmentMorningHall : ClockedBrowserHall
{
    protected override DateTimeOffset Start => new(2026, 11, 24, 1, 40, 0, TimeSpan.Zero);
}

/// <summary>Q8 at the kiosk: a booking made through the integrator API is checked in by its code and called first once its slot begins.</summary>
public sealed class KioskCheckInTests(AppointmentMorningHall hall) : IClassFixture<AppointmentMorningHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task Booking_CheckedInAtTheKiosk_CalledBeforeAnEarlierWalkIn()
    {
        var (item, code) = await BookAsync("10:00", "13800138000", "11010519491231002X");
        using var anonymous = hall.Http();
        var walkIn = await (await anonymous.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item }))
            .Content.ReadFromJsonAsync<JsonObject>();

        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.Button("预约签到").ClickAsync();
        var dialog = kiosk.Page.GetByRole(AriaRole.Dialog, new() { Name = "预约签到" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("预约码或身份证号").FillAsync(code.ToLowerInvariant());
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, "kiosk-checkin-zh");
        await kiosk.Button("签到取号").ClickAsync();

        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^G\\d{3}$"));
        await Expect(kiosk.Page.Locator("#ticket-priority")).ToHaveTextAsync("预约 10:00–10:30");
        var number = await kiosk.TicketNumber.TextContentAsync();
        await kiosk.Page.Locator("#ticket-qr").EvaluateAsync("img => img.decode()");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(kiosk.Page);
        await SaveAsync(kiosk.Page, "kiosk-checkin-ticket-zh");

        // At 10:01 the slot has begun: counter 6 (不动产登记) calls the appointment before the walk-in of 09:40.
        hall.Clock.Advance(TimeSpan.FromMinutes(21));
        using var staff = await hall.SignedInAsync("staff3");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.Single(c => c!["number"]!.GetValue<int>() == 6)!["id"]!.GetValue<Guid>();
        (await staff.PostAsync($"/api/counters/{counter}/open", null)).EnsureSuccessStatusCode();
        var called = await (await staff.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(number, called!["number"]!.GetValue<string>());
        Assert.NotEqual(walkIn!["number"]!.GetValue<string>(), number);
    }

    [Fact]
    public async Task CheckIn_TooEarly_SaysWhenAndOffersAWalkInTicket()
    {
        var (_, code) = await BookAsync("11:30", "13900139000", "110105196611240012");
        var kiosk = new KioskPage(await hall.NewPageAsync(1080, 1920));
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.Button("预约签到").ClickAsync();
        await kiosk.Page.GetByLabel("预约码或身份证号").FillAsync(code);
        await kiosk.Page.GetByLabel("预约码或身份证号").PressAsync("Enter");

        var alert = kiosk.Page.Locator("#checkin-error");
        await Expect(alert).ToContainTextAsync("您预约的时段是11:30–12:00，请于11:00后签到");
        await Expect(alert).ToContainTextAsync("取普通号");
        // The one line that says what to do, at the portrait kiosk's reading size (1.7rem, as the guide's text; it was 20.8 px).
        var size = await alert.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 27, $"The check-in message is {size} px on a 1080×1920 kiosk.");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, "kiosk-checkin-early-portrait-zh");
        await kiosk.Button("取普通号").ClickAsync();
        await Expect(kiosk.Item("不动产登记")).ToBeVisibleAsync();
    }

    /// <summary>A booking of today's slot at <paramref name="time"/> of 不动产登记 by the demo's appointment platform.</summary>
    private async Task<(Guid Item, string Code)> BookAsync(string time, string phone, string idNumber)
    {
        using var integrator = await hall.SignedInAsync("integrator1");
        var items = await integrator.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.Single(i => i!["prefix"]!.GetValue<string>() == "G")!["id"]!.GetValue<Guid>();
        var today = TimeZoneInfo.ConvertTime(hall.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var slots = await integrator.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items/{item}/slots?date={today:yyyy-MM-dd}");
        var slot = slots!.Single(s => s!["start"]!.GetValue<string>().Contains($"T{time}:00"))!["id"]!.GetValue<Guid>();
        var response = await integrator.PostAsJsonAsync($"/api/slots/{slot}/bookings", new { name = "李建国", phone, idNumber });
        response.EnsureSuccessStatusCode();
        return (item, (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
