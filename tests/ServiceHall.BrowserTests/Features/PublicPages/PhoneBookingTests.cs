using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>Tuesday 24 November 2026, 09:40 in Shanghai: the demo hospital's 门诊挂号 is bookable from 10:00 today.</summary>
public sealed class HospitalMorningHall : ClockedBrowserHall
{
    protected override DateTimeOffset Start => new(2026, 11, 24, 1, 40, 0, TimeSpan.Zero);
}

/// <summary>
/// Issue 16: "a booking made on the phone, checked in at the kiosk and called first" — at the demo hospital, booked on the
/// phone page (360×740), checked in by its code at the kiosk (1280×800), called at counter 1 (1024×768) before the walk-in
/// tickets that were waiting, and shown on the display (1920×1080).
/// </summary>
public sealed class PhoneBookingTests(HospitalMorningHall hall) : IClassFixture<HospitalMorningHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task BookedOnThePhone_CheckedInAtTheKiosk_CalledFirst_ShownOnTheDisplay()
    {
        var hospital = await HospitalIdAsync();
        var phone = new BookingPage(await hall.NewPageAsync(360, 740));
        await phone.GotoAsync(hospital);
        await Expect(phone.Page.Locator("#hall-name")).ToHaveTextAsync("滨江医院");
        await Expect(phone.Option("门诊挂号")).ToHaveAttributeAsync("aria-pressed", "true");
        await phone.Option("今天").ClickAsync();
        // Six places a slot, one held for on-site booking and the elderly until noon.
        await Expect(phone.Option("10:00–10:30")).ToContainTextAsync("还剩 5 个");
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(phone.Page);
        await SaveAsync(phone.Page, "phone-booking-zh", fullPage: true);
        await phone.Option("10:00–10:30").ClickAsync();

        await Expect(phone.Page.Locator("#chosen")).ToContainTextAsync("10:00–10:30");
        await phone.Field("姓名").FillAsync("李建国");
        await phone.Field("手机号码").FillAsync("13800138000");
        await phone.Field("身份证号").FillAsync("11010519491231002X");
        // Not without the consent ticked.
        await phone.Button("确认预约").ClickAsync();
        await Expect(phone.FormError).ToContainTextAsync("请先勾选");
        await phone.Page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        await phone.Button("确认预约").ClickAsync();

        await Expect(phone.Done).ToContainTextAsync("预约成功");
        var code = (await phone.Code.TextContentAsync())!.Trim();
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", code);
        await Expect(phone.Done).ToContainTextAsync("今天 11月24日");
        await Expect(phone.Done).ToContainTextAsync("10:00–10:30");
        await Expect(phone.Done).ToContainTextAsync("请在 09:30 到 10:15 之间到大厅");
        await Expect(phone.Done).ToContainTextAsync("李** 138****8000");
        await phone.Qr.EvaluateAsync("img => img.decode()");
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(phone.Page);
        await SaveAsync(phone.Page, "phone-booking-code-zh", fullPage: true);

        // Two walk-in tickets wait before the booking is checked in.
        using var anonymous = hall.Http();
        var item = await ItemIdAsync(hospital, "A");
        var walkIns = new List<string>();
        for (var n = 0; n < 2; n++)
        {
            var walkIn = await (await anonymous.PostAsJsonAsync($"/api/halls/{hospital}/tickets", new { serviceItemId = item }))
                .Content.ReadFromJsonAsync<JsonObject>();
            walkIns.Add(walkIn!["number"]!.GetValue<string>());
        }

        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hospital);
        await kiosk.Button("预约签到").ClickAsync();
        await Expect(kiosk.Page.Locator("#book-link")).ToBeVisibleAsync();
        await kiosk.Page.GetByLabel("预约码或身份证号").FillAsync(code);
        await kiosk.Page.Locator("#book-qr").EvaluateAsync("img => img.decode()");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, "kiosk-checkin-hospital-zh");
        await kiosk.Button("签到取号").ClickAsync();
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new Regex(@"^A\d{3}$"));
        await Expect(kiosk.Page.Locator("#ticket-priority")).ToHaveTextAsync("预约 10:00–10:30");
        var number = (await kiosk.TicketNumber.TextContentAsync())!.Trim();
        Assert.DoesNotContain(number, walkIns);
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);

        // 10:01: the slot has begun. Counter 1 calls the appointment before both walk-ins, and the display shows it.
        hall.Clock.Advance(TimeSpan.FromMinutes(21));
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hospital, account: "hospital-display1");
        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "hospital-staff1", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(1);
        foreach (var waiting in walkIns.Append(number))
            await Expect(counter.Waiting(waiting)).ToBeVisibleAsync();
        await counter.Button("呼叫下一位").ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Expect(display.CounterNumber(1)).ToContainTextAsync(number);
        await Expect(display.Page.Locator("#announce")).ToContainTextAsync($"请{number}号到1号窗口");
        await Layout.AssertAsync(counter.Page, LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] });
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);

        // The phone page, reloaded, tells the booking is checked in and offers no cancel.
        await phone.Page.ReloadAsync();
        await Expect(phone.Done).ToContainTextAsync("这个预约已签到");
        await Expect(phone.Button("取消预约")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task InEnglish_ChoosingATime_ThenCancelledFromThePhone()
    {
        var hospital = await HospitalIdAsync();
        var phone = new BookingPage(await hall.NewPageAsync(360, 740));
        await phone.GotoAsync(hospital, "en");
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Book an appointment");
        await Expect(phone.Page.Locator("#hall-name")).ToHaveTextAsync("Binjiang Hospital");
        await Expect(phone.Option("Outpatient registration")).ToHaveAttributeAsync("aria-pressed", "true");
        await phone.Option("Tomorrow").ClickAsync();
        await Expect(phone.Option("14:00–14:30")).ToContainTextAsync("5 left");
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        await SaveAsync(phone.Page, "phone-booking-en", fullPage: true);
        await phone.Option("14:00–14:30").ClickAsync();
        await phone.Field("Name").FillAsync("Wang Fang");
        await phone.Field("Mobile phone number").FillAsync("13700137000");
        await phone.Field("ID card number").FillAsync("110105196611240012");
        await phone.Page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await phone.Button("Book").ClickAsync();
        await Expect(phone.Done).ToContainTextAsync("Booked");
        await Expect(phone.Done).ToContainTextAsync("please cancel before");

        // The same person, the same item and day, again: refused in plain words.
        var booked = phone.Page.Url;
        await phone.GotoAsync(hospital, "en");
        await phone.Option("Tomorrow").ClickAsync();
        await phone.Option("15:00–15:30").ClickAsync();
        await phone.Field("Name").FillAsync("Wang Fang");
        await phone.Field("Mobile phone number").FillAsync("13700137000");
        await phone.Field("ID card number").FillAsync("110105196611240012");
        await phone.Page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await phone.Button("Book").ClickAsync();
        await Expect(phone.FormError).ToContainTextAsync("You have already booked this on that day");
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);

        await phone.Page.GotoAsync(booked);
        await phone.Button("Cancel booking").ClickAsync();
        await phone.Button("Yes, cancel it").ClickAsync();
        await Expect(phone.Done).ToContainTextAsync("This booking is cancelled");
        await Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = "Make another booking" })).ToBeVisibleAsync();
    }

    private async Task<Guid> HospitalIdAsync()
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        var name = SeedDemoKindHalls.Halls.Single(h => h.Kind == HallKind.Hospital).Name;
        return halls!.Single(h => h!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> ItemIdAsync(Guid hallId, string prefix)
    {
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/service-items");
        return items!.Single(i => i!["prefix"]!.GetValue<string>() == prefix)!["id"]!.GetValue<Guid>();
    }

    private async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png"), FullPage = fullPage });
    }
}
