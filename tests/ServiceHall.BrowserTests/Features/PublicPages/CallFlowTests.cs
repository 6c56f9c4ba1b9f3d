using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>Q1, Q4, Q9 together: kiosk ticket → staff calls it → display and phone show the counter.</summary>
public sealed class CallFlowTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task CallTicket_FromCounter1_DisplayShowsWithinOneSecondAndPhoneShowsCounter()
    {
        using var staff = await hall.SignedInAsync("staff1");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter1 = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!;
        var itemId = counter1["serviceItemIds"]![0]!.GetValue<string>();
        var items = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var itemName = items!.First(i => i!["id"]!.GetValue<string>() == itemId)!["name"]!.GetValue<string>();

        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync(itemName, "老人");
        await Expect(kiosk.Ticket("您的号码")).ToBeVisibleAsync();
        var number = await kiosk.TicketNumber.InnerTextAsync();
        var ticketId = await kiosk.TicketIdAsync();

        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId);
        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);
        await Expect(phone.Ticket(number)).ToBeVisibleAsync();
        await Expect(phone.Status).ToHaveTextAsync("排队中");

        var counterId = counter1["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        var call = await staff.PostAsync($"/api/counters/{counterId}/call-next", null);
        call.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        Assert.Equal(number, (await call.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>());

        await Expect(display.Counter("1 号窗口")).ToContainTextAsync(number, new() { Timeout = 1000 });
        Assert.True(clock.ElapsedMilliseconds <= 1000, $"display showed the call after {clock.ElapsedMilliseconds} ms");
        await Expect(display.RecentCalls().First).ToContainTextAsync(number);

        await Expect(phone.CalledNotice).ToContainTextAsync("请到 1 号窗口");
        await Expect(phone.Status).ToHaveTextAsync("已叫号");
    }
}
