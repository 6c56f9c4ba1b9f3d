using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

public sealed class DisplayTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task TwoCallsTogether_AreShownAndAnnouncedOneAfterAnother()
    {
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId);

        // Counter 1 serves A, counter 3 serves C in the demo hall: one ticket for each, both called at once.
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        foreach (var prefix in new[] { "A", "C" })
        {
            var item = items!.First(i => i!["prefix"]!.GetValue<string>() == prefix)!;
            (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
                new { serviceItemId = item["id"]!.GetValue<string>(), priority = "normal" })).EnsureSuccessStatusCode();
        }
        var calls = new List<Task<HttpResponseMessage>>();
        var staffClients = new List<HttpClient>();
        foreach (var (user, number) in new[] { ("staff1", 1), ("staff3", 3) })
        {
            var staff = await hall.SignedInAsync(user);
            staffClients.Add(staff);
            var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
            var id = counters!.First(c => c!["number"]!.GetValue<int>() == number)!["id"]!.GetValue<string>();
            (await staff.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
            calls.Add(staff.PostAsync($"/api/counters/{id}/call-next", null));
        }
        foreach (var response in await Task.WhenAll(calls))
            response.EnsureSuccessStatusCode();

        await Expect(display.Counter("1 号窗口")).ToContainTextAsync("A001");
        await Expect(display.Counter("3 号窗口")).ToContainTextAsync("C001");
        await Expect(display.RecentCalls()).ToHaveCountAsync(2);

        // Each call is said twice, and no utterance starts before the previous one ended.
        DisplayPage.Spoken[] spoken = [];
        for (var i = 0; i < 100 && spoken.Count(s => s.End > 0) < 4; i++)
        {
            await Task.Delay(200);
            spoken = await display.SpokenAsync();
        }
        Assert.Equal(4, spoken.Length);
        Assert.Equal(2, spoken.Select(s => s.Text).Distinct().Count());
        Assert.All(spoken.GroupBy(s => s.Text), g => Assert.Equal(2, g.Count()));
        Assert.Equal(spoken[0].Text, spoken[1].Text);
        for (var i = 1; i < spoken.Length; i++)
            Assert.True(spoken[i].Start >= spoken[i - 1].End, $"utterance {i} started before {i - 1} ended");
        Assert.Contains(spoken, s => s.Text == "请A001号到1号窗口办理");
        staffClients.ForEach(c => c.Dispose());
    }
}
