using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// Q9 at scale: a phone re-reads its place in line at most every 10 s however busy its item's queue, and its own ticket's
/// changes (called, service started, finished) at once, told by the hub (TicketChanged).
/// </summary>
public sealed class PhoneQueueTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task PlaceInLineFollowsTheQueue_OwnTicketsChangesShowAtOnce()
    {
        using var staff = await hall.SignedInAsync("staff1");
        var counter = (await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters"))!
            .First(c => c!["number"]!.GetValue<int>() == 1)!;
        var (counterId, item) = (counter["id"]!.GetValue<Guid>(), counter["serviceItemIds"]![0]!.GetValue<Guid>());
        using var citizen = hall.Http();
        async Task<Guid> IssueAsync() => (await (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var first = await IssueAsync();
        await IssueAsync();
        var mine = await IssueAsync();

        var phone = new PhonePage(await hall.NewPageAsync(360, 740));
        await phone.GotoAsync(mine);
        var ahead = phone.Page.Locator("#ahead");
        await Expect(ahead).ToHaveTextAsync("2 人");

        // Someone ahead is called: the place in line follows within the 10-second re-read.
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();
        await Expect(ahead).ToHaveTextAsync("1 人", new() { Timeout = 15_000 });
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{first}/no-show", null)).EnsureSuccessStatusCode();
        var second = (await (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{second}/no-show", null)).EnsureSuccessStatusCode();

        // The phone's own ticket: its call, the start and the end of its service show within 3 s each, far sooner
        // than the queue's re-read would bring them.
        var called = await (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(mine, called!["id"]!.GetValue<Guid>());
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 1 号窗口", new() { Timeout = 3_000 });
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{mine}/start", null)).EnsureSuccessStatusCode();
        await Expect(phone.Status).ToHaveTextAsync("正在办理", new() { Timeout = 3_000 });
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{mine}/finish", null)).EnsureSuccessStatusCode();
        await Expect(phone.Status).ToHaveTextAsync("已办结", new() { Timeout = 3_000 });
    }
}
