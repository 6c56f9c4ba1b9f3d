using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>The light pages come back by themselves after the server restarts on the same address and data.</summary>
public sealed class RestartTests(RestartableHall hall) : IClassFixture<RestartableHall>
{
    private static readonly TimeSpan Back = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ServerRestart_KioskDisplayAndPhone_ReconnectAndShowNewCalls()
    {
        using var api = hall.Http();
        var hallId = (await api.GetFromJsonAsync<JsonArray>("/api/halls"))!.Select(h => h!["id"]!.GetValue<Guid>()).First();
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hallId);
        await kiosk.TakeTicketAsync("企业开办登记", "普通");
        await Expect(kiosk.Ticket("您的号码")).ToBeVisibleAsync();
        var number = await kiosk.TicketNumber.InnerTextAsync();
        var ticketId = await kiosk.TicketIdAsync();
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hallId);
        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);

        await hall.StopAsync();
        foreach (var page in new[] { kiosk.Page, display.Page, phone.Page })
            await Expect(page.Locator("body[data-connection=reconnecting]")).ToBeAttachedAsync(new() { Timeout = 30000 });

        hall.Start();
        foreach (var page in new[] { kiosk.Page, display.Page, phone.Page })
            await Expect(page.Locator("body[data-connection=connected]")).ToBeAttachedAsync(new() { Timeout = (float)Back.TotalMilliseconds });

        // Live again, without a reload: a call after the restart reaches the display and the phone.
        using var staff = hall.Http();
        var login = await staff.PostAsJsonAsync("/api/auth/login", new { userName = "staff1", password = SeedDemoHall.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/counters");
        var counter1 = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counter1}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counter1}/call-next", null)).EnsureSuccessStatusCode();

        await Expect(display.Counter("1 号窗口")).ToContainTextAsync(number);
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 1 号窗口");
    }
}
