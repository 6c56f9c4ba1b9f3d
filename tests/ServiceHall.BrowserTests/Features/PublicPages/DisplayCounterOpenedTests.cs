using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

public sealed class DisplayCounterOpenedTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    /// <summary>
    /// A counter the display does not show (out of service, so no card) opens and calls at once: the display re-reads
    /// its counters only every 3 s, and used to drop the call — no line, no voice — when its counter was not yet read.
    /// </summary>
    [Fact]
    public async Task CounterOutOfService_OpensAndCallsAtOnce_TheCallIsListedWithoutWaitingForTheNextRead()
    {
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == "A")!;
        using var admin = await hall.SignedInAsync("admin");
        var counters = await admin.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!;
        var id = counter["id"]!.GetValue<string>();
        (await admin.PutAsJsonAsync($"/api/admin/counters/{id}",
            new { number = 1, name = counter["name"]!.GetValue<string>(), serviceItemIds = new[] { item["id"]!.GetValue<string>() }, inService = false })).EnsureSuccessStatusCode();

        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId);
        await Expect(display.Counter("1 号窗口")).ToHaveCountAsync(0);

        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = item["id"]!.GetValue<string>(), priority = "normal" })).EnsureSuccessStatusCode();
        using var staff = await hall.SignedInAsync("staff1");
        (await staff.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{id}/call-next", null)).EnsureSuccessStatusCode();

        // Sooner than the display's next read of the counters (3 s after the opening).
        await Expect(display.RecentCalls()).ToContainTextAsync("A001", new() { Timeout = 2000 });
        await Expect(display.Page.Locator("#announce")).ToContainTextAsync("请A001号到");
        await Expect(display.Counter("1 号窗口")).ToContainTextAsync("A001");
    }
}
