using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// The kiosk and the phone page at the sizes of the devices that show them, each step a citizen sees, in both
/// languages: nothing outside the screen, cut off or overlapping, big touch targets on the kiosk, Chinese drawn.
/// </summary>
public sealed class PublicLayoutTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Theory]
    [InlineData(1280, 800, null)]
    [InlineData(1280, 800, "en")]
    [InlineData(1080, 1920, null)]
    [InlineData(1080, 1920, "en")]
    public async Task Kiosk_EachStep_FitsTheScreen(int width, int height, string? lang)
    {
        var kiosk = new KioskPage(await hall.NewPageAsync(width, height));
        await kiosk.GotoAsync(hall.HallId, lang);
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(kiosk.Page);

        await kiosk.Item(lang is null ? "社保参保登记" : "Social insurance enrolment").ClickAsync();
        await kiosk.Priority(lang is null ? "老人" : "Elderly").ClickAsync();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);

        await kiosk.Button(lang is null ? "确认取号" : "Confirm and take ticket").ClickAsync();
        await kiosk.TicketNumber.WaitForAsync();
        await kiosk.Page.Locator("#ticket-qr").EvaluateAsync("img => img.decode()");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task Phone_WaitingAndCalled_FitsA360PixelScreen(string? lang)
    {
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var issued = await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = items![0]!["id"]!.GetValue<string>(), priority = "normal" });
        issued.EnsureSuccessStatusCode();
        var ticketId = Guid.Parse((await issued.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        var phone = new PhonePage(await hall.NewPageAsync(360, 740));
        await phone.GotoAsync(ticketId, lang);
        await phone.Status.WaitForAsync();
        await Layout.AssertAsync(phone.Page, LayoutRules.Scrolling);
        if (lang is null)
            await Layout.AssertCjkRenderedAsync(phone.Page);
    }
}
