using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// Q3, Q9: a transferred ticket lives on as a new one with the same number. The phone follows it and hears the
/// new ticket's call at once (the hub sends a phone only its own ticket's call), not at its 30-second re-read.
/// </summary>
public sealed class PhoneTransferTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task TicketTransferredToAnotherItem_PhoneFollowsItAndShowsTheNewCounter()
    {
        using var staff1 = await hall.SignedInAsync("staff1");
        using var staff2 = await hall.SignedInAsync("staff2");
        var counters = (await staff1.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters"))!;
        JsonNode Counter(int number) => counters.First(c => c!["number"]!.GetValue<int>() == number)!;
        var (counter1, counter2) = (Counter(1), Counter(2));
        var items1 = counter1["serviceItemIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToHashSet();
        var from = items1.First();
        var to = counter2["serviceItemIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).First(i => !items1.Contains(i));

        using var citizen = hall.Http();
        var ticket = (await (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = from }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var (ticketId, number) = (ticket["id"]!.GetValue<Guid>(), ticket["number"]!.GetValue<string>());
        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);

        var c1 = counter1["id"]!.GetValue<Guid>();
        (await staff1.PostAsync($"/api/counters/{c1}/open", null)).EnsureSuccessStatusCode();
        (await staff1.PostAsync($"/api/counters/{c1}/call-next", null)).EnsureSuccessStatusCode();
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 1 号窗口");
        var transferred = (await (await staff1.PostAsJsonAsync($"/api/counters/{c1}/tickets/{ticketId}/transfer",
            new { toServiceItemId = to, reason = "属于社保业务" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        var newId = transferred["id"]!.GetValue<Guid>();
        Assert.NotEqual(ticketId, newId);

        // The phone moves to the new ticket at once (told by the hub, it may have moved before this line runs), keeps
        // the number, and listens for that ticket.
        await Expect(phone.Page).ToHaveURLAsync(new Regex($"/t/{newId}$"), new() { Timeout = 5000 });
        await phone.Page.Locator($"body[data-following='{newId}']").WaitForAsync();
        await Expect(phone.Ticket(number)).ToBeVisibleAsync();
        await Expect(phone.Status).ToHaveTextAsync("排队中");

        var c2 = counter2["id"]!.GetValue<Guid>();
        (await staff2.PostAsync($"/api/counters/{c2}/open", null)).EnsureSuccessStatusCode();
        var call = (await (await staff2.PostAsync($"/api/counters/{c2}/call-next", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(newId, call["id"]!.GetValue<Guid>());
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 2 号窗口", new() { Timeout = 5000 });
    }
}
