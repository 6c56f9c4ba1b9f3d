using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Ratings;

/// <summary>
/// The rating pad at 1280×800 as citizens meet it (S1, "两个一"): the supervision card when idle, five big
/// levels, the optional callback phone after a bad rating, the thank-you, and back to the card 30 s later
/// or as soon as the counter calls its next citizen.
/// </summary>
public sealed class RatingPadTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task Pad_IdleCardLevelsBadRatingPhoneThanks_BackToCardAfter30sOrNextCall()
    {
        using var staff = await hall.SignedInAsync("staff2");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 3)!;
        var counterId = counter["id"]!.GetValue<string>();
        var itemId = counter["serviceItemIds"]![0]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();

        var page = await hall.NewPageAsync(1280, 800);
        await page.Clock.InstallAsync(); // timers are the page's own; the test moves them on
        var pad = new RatingPadPage(page);
        await pad.GotoAndSignInAsync(counterId, "pad3");

        // Idle: the counter's supervision card (行风监督卡) with the counter, the badge on duty and the supervision phone.
        await Expect(pad.Card).ToContainTextAsync("3号窗口");
        await Expect(pad.Card).ToContainTextAsync("1002");
        await Expect(pad.Card).ToContainTextAsync("12345");
        await Layout.AssertAsync(page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(page);
        await SaveAsync(page, "pad-card-zh");

        var first = await ServeAsync(staff, counterId, itemId);
        await Expect(pad.Form).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Expect(page.Locator("#pad-ticket")).ToContainTextAsync(first);
        foreach (var level in new[] { "非常满意", "满意", "基本满意", "不满意", "非常不满意" })
        {
            var box = (await pad.Level(level).BoundingBoxAsync())!;
            Assert.True(box.Width >= 96 && box.Height >= 96, $"{level}: {box.Width}×{box.Height}");
            // One line: the label's text is no taller than one line of its font.
            var lines = await pad.Level(level).EvaluateAsync<int>(
                "b => { const r = document.createRange(); r.selectNodeContents(b); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
            Assert.Equal(1, lines);
        }
        await pad.Level("不满意").ClickAsync();
        await pad.Reason("服务态度").ClickAsync();
        await pad.Reason("等候时间").ClickAsync();
        await Expect(pad.Level("不满意")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(pad.Reason("服务态度")).ToHaveAttributeAsync("aria-pressed", "true");
        await Layout.AssertAsync(page, LayoutRules.Touch);
        await SaveAsync(page, "pad-zh");

        // A bad rating asks for a callback phone, typed on the pad's own keys.
        await pad.Button("提交评价").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "留下电话，方便我们回访（选填）" })).ToBeVisibleAsync();
        foreach (var digit in "13912345678")
            await pad.Key(digit.ToString()).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "回访电话" })).ToHaveValueAsync("13912345678");
        await Layout.AssertAsync(page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(page);
        await SaveAsync(page, "pad-bad-rating-zh");
        await pad.Button("提交评价").ClickAsync();
        await Expect(pad.Thanks).ToBeVisibleAsync();
        await Expect(pad.FollowUp).ToHaveTextAsync("我们将致电 139****5678 回访您反映的问题。");
        await Layout.AssertAsync(page, LayoutRules.Touch);
        await SaveAsync(page, "pad-thanks-zh");

        // The thank-you stays a while, then the card is back and nothing of this citizen's rating is left on screen.
        await page.Clock.FastForwardAsync("00:20");
        await Expect(pad.Thanks).ToBeVisibleAsync();
        await page.Clock.FastForwardAsync("00:11");
        await Expect(pad.Card).ToBeVisibleAsync();
        await Expect(pad.Thanks).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#service .rating-body *").CountAsync());

        // A bad rating without a phone promises no callback.
        var second = await ServeAsync(staff, counterId, itemId);
        await page.Clock.FastForwardAsync("00:04"); // the pad's poll
        await Expect(page.Locator("#pad-ticket")).ToContainTextAsync(second);
        await Expect(pad.Level("非常满意")).ToHaveAttributeAsync("aria-pressed", "false");
        await pad.Level("非常不满意").ClickAsync();
        await pad.Button("提交评价").ClickAsync();
        await pad.Button("不留电话，直接提交").ClickAsync();
        await Expect(pad.Thanks).ToBeVisibleAsync();
        await Expect(pad.FollowUp).Not.ToContainTextAsync("致电");

        // The counter calls its next citizen: back to the card at once, without waiting for the 30 s.
        using var citizen = hall.Http();
        (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();
        await Expect(pad.Card).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(pad.Thanks).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Pad_English_CardAndLevelsFitTheScreen()
    {
        using var staff = await hall.SignedInAsync("staff1");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!;
        var counterId = counter["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        var page = await hall.NewPageAsync(1280, 800);
        var pad = new RatingPadPage(page);
        await pad.GotoAndSignInAsync(counterId, "pad1");
        await page.GotoAsync($"/pad/{counterId}?lang=en");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Service supervision card" })).ToBeVisibleAsync();
        await Layout.AssertAsync(page, LayoutRules.Touch);

        await ServeAsync(staff, counterId, counter["serviceItemIds"]![0]!.GetValue<string>());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Very dissatisfied", Exact = true })).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Layout.AssertAsync(page, LayoutRules.Touch);
        await SaveAsync(page, "pad-en");
    }

    /// <summary>One citizen served at the counter from issue to finish; the ticket's number.</summary>
    private async Task<string> ServeAsync(HttpClient staff, string counterId, string itemId)
    {
        using var citizen = hall.Http();
        var issued = await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" });
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = ticket["id"]!.GetValue<string>();
        (await staff.PostAsJsonAsync($"/api/counters/{counterId}/tickets/{id}/call", new { reason = "演示" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{id}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{id}/finish", null)).EnsureSuccessStatusCode();
        return ticket["number"]!.GetValue<string>();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
