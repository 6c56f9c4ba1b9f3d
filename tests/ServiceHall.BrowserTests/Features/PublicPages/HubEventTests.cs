using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>The public pages handle every hub event their hall's group receives: no "No client method …" warnings.</summary>
public sealed class HubEventTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task PublicPages_HallEvents_NoWarningsInTheConsole()
    {
        var warnings = new List<string>();
        async Task<IPage> Watched(int width, int height)
        {
            var page = await hall.NewPageAsync(width, height);
            page.Console += (_, m) => { if (m.Type is "warning" or "error" && m.Text.Contains("client method")) lock (warnings) warnings.Add($"{page.Url}: {m.Text}"); };
            return page;
        }

        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        async Task<JsonObject> IssueAsync() => (await (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = items![0]!["id"]!.GetValue<string>(), priority = "normal" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var mine = await IssueAsync();

        var display = new DisplayPage(await Watched(1920, 1080));
        await display.GotoAsync(hall.HallId);
        var kioskPage = new KioskPage(await Watched(1280, 800));
        await kioskPage.GotoAsync(hall.HallId);
        var phone = new PhonePage(await Watched(360, 740));
        await phone.GotoAsync(mine["id"]!.GetValue<Guid>());
        using var staff = await hall.SignedInAsync("staff1");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counterId = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<string>();
        var pad = await Watched(1280, 800);
        await new RatingPadPage(pad).GotoAndSignInAsync(counterId);
        await kioskPage.Page.Locator("body[data-connection=connected]").WaitForAsync();

        // TicketIssued, QueueChanged and TicketCalled reach every page of the hall.
        await IssueAsync();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();
        await Expect(display.CounterNumber(1)).ToContainTextAsync(mine["number"]!.GetValue<string>());
        await Expect(phone.CalledNotice).ToBeVisibleAsync();
        await Task.Delay(500);
        Assert.Empty(warnings);

        // Every message the hub can send has a handler, also those not raised here (alerts).
        var handled = await display.Page.EvaluateAsync<string[]>("() => Hall.hallEvents");
        Assert.Equal(typeof(IHallClient).GetMethods().Select(m => m.Name).Order(), handled.Order());
    }
}
