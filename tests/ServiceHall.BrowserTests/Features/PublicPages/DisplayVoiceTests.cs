using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// Q4 on a display PC whose browser has no Chinese voice (Linux Chromium): the call is announced from the
/// app's recorded clips, in the order 请 A 0 0 1 号 到 1 号 窗口 办理, after the chime, twice.
/// </summary>
public sealed class DisplayVoiceTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    /// <summary>The browser reports no voices at all, as Chromium on Linux without speech-dispatcher does.</summary>
    private const string NoVoices = "speechSynthesis.getVoices = () => [];";

    [Fact]
    public async Task Call_NoChineseVoice_PlaysTheClipsInOrderTwiceAfterTheChime()
    {
        var page = await hall.NewPageAsync(1920, 1080);
        await page.AddInitScriptAsync(NoVoices);
        var clipRequests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/audio/zh-CN/")) lock (clipRequests) clipRequests.Add(new Uri(r.Url).AbsolutePath); };
        var display = new DisplayPage(page);
        await display.GotoAsync(hall.HallId);
        await Expect(page.Locator("body[data-voice=clips]")).ToHaveCountAsync(1);
        var sound = page.GetByRole(AriaRole.Button, new() { Name = "点击此处启用语音播报" });
        if (await sound.IsVisibleAsync())
            await sound.ClickAsync();
        Assert.Contains("/audio/zh-CN/qing.ogg", clipRequests);
        Assert.Contains("/audio/zh-CN/chime.ogg", clipRequests);

        var ticket = await CallAsync("staff1", 1, "A");

        DisplayPage.Played[] played = [];
        for (var i = 0; i < 150 && played.Count(p => p.End > 0) < 3; i++)
        {
            await Task.Delay(200);
            played = await display.PlayedAsync();
        }
        Assert.Equal(["chime", "clips", "clips"], played.Select(p => p.Kind));
        var digits = ticket[1..].Select(c => c.ToString());
        string[] expected = ["qing", "a", .. digits, "hao", "dao", "1", "hao", "chuangkou", "banli"];
        Assert.Equal(expected, played[1].Clips);
        Assert.Equal(expected, played[2].Clips);
        for (var i = 1; i < played.Length; i++)
            Assert.True(played[i].Start >= played[i - 1].End, $"sound {i} started before {i - 1} ended");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ClipSequence_CounterNumbersReadAsNumbersTicketDigitsOneByOne()
    {
        var page = await hall.NewPageAsync(1920, 1080);
        await page.GotoAsync("/public/display.html"); // the script alone; no hall needed for the builder
        async Task<string> Clips(string text) =>
            string.Join(" ", await page.EvaluateAsync<string[]>("t => DisplayVoice.sequence(t)", text));
        Assert.Equal("qing a 0 1 2 hao dao shi 2 hao chuangkou banli", await Clips("请A012号到12号窗口办理"));
        Assert.Equal("qing b 1 0 0 hao dao 4 shi hao chuangkou banli", await Clips("请B100号到40号窗口办理"));
        Assert.Equal("qing c 0 0 7 hao dao 1 bai 0 5 hao chuangkou banli", await Clips("请C007号到105号窗口办理"));
        Assert.Equal("qing d 9 9 9 hao dao 1 bai 1 shi hao chuangkou banli", await Clips("请D999号到110号窗口办理"));
        Assert.Equal("qing e 0 0 1 hao dao shi hao chuangkou banli", await Clips("请 E001 号到 10 号窗口办理"));
        // The last words of the kinds' templates (issue 16) have clips of their own.
        Assert.Equal("qing c 0 0 1 hao dao 3 hao chuangkou quyao", await Clips("请C001号到3号窗口取药"));
        Assert.Equal("qing e 0 0 1 hao dao 6 hao chuangkou jiuzhen", await Clips("请E001号到6号窗口就诊"));
        Assert.Equal("qing b 0 0 1 hao dao 2 hao chuangkou jiaofei", await Clips("请B001号到2号窗口缴费"));
        Assert.Equal("qing a 0 0 1 hao dao 1 hao chuangkou shoupiao", await Clips("请A001号到1号窗口售票"));
        Assert.Null(await page.EvaluateAsync<string[]?>("t => DisplayVoice.sequence(t)", "请A001号到3号窗口领证"));
        // A wording the clips cannot say falls back to the standard one.
        Assert.Equal("qing a 0 0 1 hao dao 3 hao chuangkou banli", string.Join(" ", await page.EvaluateAsync<string[]>(
            "() => DisplayVoice.callClips({ announcement: '请A001号到3号窗口领证', number: 'A001', counterNumber: 3 })")));
    }

    [Fact]
    public async Task NoVoiceAndClipsMissing_WarnsOnTheScreen()
    {
        var page = await hall.NewPageAsync(1366, 768);
        await page.AddInitScriptAsync(NoVoices);
        await page.RouteAsync("**/audio/zh-CN/**", route => route.FulfillAsync(new() { Status = 404 }));
        var display = new DisplayPage(page);
        await display.GotoAsync(hall.HallId);
        var warning = page.GetByRole(AriaRole.Alert);
        await Expect(warning).ToContainTextAsync("本屏无法语音叫号");
        await Expect(page.Locator("body[data-voice=none]")).ToHaveCountAsync(1);
        await Layout.AssertAsync(page, LayoutRules.Screen with { Ignore = [".notice.scrolling"] });

        // The screen still shows the call.
        var ticket = await CallAsync("staff2", 2, "A");
        await Expect(display.CounterNumber(2)).ToContainTextAsync(ticket);
    }

    private async Task<string> CallAsync(string user, int counter, string prefix)
    {
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == prefix)!;
        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = item["id"]!.GetValue<string>(), priority = "normal" })).EnsureSuccessStatusCode();
        using var staff = await hall.SignedInAsync(user);
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var id = counters!.First(c => c!["number"]!.GetValue<int>() == counter)!["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
        var called = await staff.PostAsync($"/api/counters/{id}/call-next", null);
        called.EnsureSuccessStatusCode();
        return (await called.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }
}
