using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Ratings;

/// <summary>
/// The phone page rates with the key its QR code carries (S1, ADR-017): the link of the ticket's QR code opens
/// the form after the service; the same page opened by ticket id alone (read off the display) follows the queue only.
/// </summary>
public sealed class PhoneRatingTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task PhoneFromTheQrCode_RatesAfterTheService_ThePageByIdAloneOffersNoForm()
    {
        using var staff = await hall.SignedInAsync("staff3");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 2)!;
        var counterId = counter["id"]!.GetValue<string>();
        using var citizen = hall.Http();
        var issued = await (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = counter["serviceItemIds"]![0]!.GetValue<string>(), priority = "normal" })).Content.ReadFromJsonAsync<JsonObject>();
        var ticketId = issued!["id"]!.GetValue<string>();
        var key = issued["ratingKey"]!.GetValue<string>();
        // The QR code's own link, as the citizen's phone camera opens it.
        Assert.Contains("<svg", await citizen.GetStringAsync($"/api/tickets/{ticketId}/qr.svg?k={key}"));

        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/counters/{counterId}/tickets/{ticketId}/call", new { reason = "演示" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/finish", null)).EnsureSuccessStatusCode();

        var byId = await hall.NewPageAsync(390, 844);
        await byId.GotoAsync($"/t/{ticketId}");
        await byId.Locator("body[data-connection=connected]").WaitForAsync();
        await byId.WaitForTimeoutAsync(1500);
        await Expect(byId.Locator("#rating")).ToBeHiddenAsync();

        var page = await hall.NewPageAsync(390, 844);
        await page.GotoAsync($"/t/{ticketId}?k={key}");
        var form = new RatingPadPage(page);
        await Expect(form.Form).ToBeVisibleAsync(new() { Timeout = 15000 });
        await form.Level("满意").ClickAsync();
        await form.Button("提交评价").ClickAsync();
        await Expect(form.Thanks).ToBeVisibleAsync();
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);

        var rating = await citizen.GetFromJsonAsync<JsonObject>($"/api/tickets/{ticketId}/rating?k={key}");
        Assert.Equal("satisfied", rating!["rating"]!["level"]!.GetValue<string>());
        Assert.Equal("phone", rating["rating"]!["channel"]!.GetValue<string>());
    }
}
