using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Identity;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Ratings;

/// <summary>The owner of a bad rating's rectification reads the citizen's callback phone on the follow-up page, with a purpose (S1, P3).</summary>
public sealed class FollowUpOwnerTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Owner_OpensFollowUp_RevealsCallbackPhoneWithPurpose()
    {
        using var staff = await hall.SignedInAsync("staff3");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 2)!;
        var counterId = counter["id"]!.GetValue<string>();
        using var citizen = hall.Http();
        var issued = await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = counter["serviceItemIds"]![0]!.GetValue<string>(), priority = "normal" });
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var ticketId = ticket["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/counters/{counterId}/tickets/{ticketId}/call", new { reason = "演示" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/finish", null)).EnsureSuccessStatusCode();
        // The citizen rates with the key of the ticket's QR code.
        var rating = await (await citizen.PostAsJsonAsync($"/api/tickets/{ticketId}/rating?k={ticket["ratingKey"]}",
            new { level = "dissatisfied", contactPhone = "13600001111" })).Content.ReadFromJsonAsync<JsonObject>();
        var followUpId = rating!["followUpId"]!.GetValue<string>();

        using var supervisor = await hall.SignedInAsync("supervisor");
        Guid owner;
        using (var scope = hall.Services.CreateScope())
            owner = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("staff3"))!.Id;
        (await supervisor.PostAsJsonAsync($"/api/rating-follow-ups/{followUpId}/callback", new { note = "已回访" })).EnsureSuccessStatusCode();
        (await supervisor.PostAsJsonAsync($"/api/rating-follow-ups/{followUpId}/verify",
            new { confirmed = true, note = "属实", ownerUserId = owner, rectifyWorkingDays = 5 })).EnsureSuccessStatusCode();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff3", "/counter");
        await page.GotoAsync($"/supervision/follow-ups/{followUpId}");
        await page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("callback-phone")).ToHaveTextAsync("136****1111");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "申诉复核剔除" })).ToHaveCountAsync(0); // the supervisor's, not the owner's
        await page.GetByLabel("查看用途").FillAsync("告知整改结果");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看回访电话" }).ClickAsync();
        await Expect(page.GetByTestId("callback-phone")).ToHaveTextAsync("13600001111");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
    }
}
