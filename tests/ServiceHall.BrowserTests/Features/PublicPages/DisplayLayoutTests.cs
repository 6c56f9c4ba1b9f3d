using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// The demo hall grown to 60 counters (made through the admin API), some calling, serving, idle, paused and
/// closed, tickets waiting for every item and a notice line longer than any screen.
/// </summary>
public sealed class SixtyCounterHall : BrowserHall
{
    public const string SecretPauseReason = "陪同领导检查工作";
    private Task? _prepared;

    public Dictionary<string, Guid> Departments { get; } = [];

    public Task PrepareAsync() => _prepared ??= PrepareOnceAsync();

    private async Task PrepareOnceAsync()
    {
        using var admin = await SignedInAsync("admin");
        var setup = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/halls/{HallId}"))!;
        foreach (var d in setup["departments"]!.AsArray())
            Departments[d!["name"]!.GetValue<string>()] = d["id"]!.GetValue<Guid>();
        var items = setup["serviceItems"]!.AsArray()
            .Select(i => (Id: i!["id"]!.GetValue<Guid>(), Department: i["departmentId"]!.GetValue<Guid>())).ToList();
        var departments = Departments.Values.ToArray();
        for (var n = 7; n <= 60; n++)
        {
            var department = departments[n % departments.Length];
            var name = n % 9 == 0 ? "不动产综合受理" : $"{n}号窗口";
            (await admin.PostAsJsonAsync($"/api/admin/halls/{HallId}/counters", new
            {
                number = n, name, departmentId = department,
                serviceItemIds = items.Where(i => i.Department == department).Select(i => i.Id).ToArray(),
            })).EnsureSuccessStatusCode();
        }
        var hall = setup["hall"]!.AsObject();
        hall["noticeLine"] = "温馨提示：请携带本人有效身份证件原件，按号就座，留意叫号和语音提示；过号请到综合咨询台重新排队；" +
            "办事过程中如有疑问，请咨询导服人员或拨打 12345 政务服务热线。";
        (await admin.PutAsJsonAsync($"/api/admin/halls/{HallId}", hall)).EnsureSuccessStatusCode();

        using (var kiosk = await SignedInAsync("kiosk1"))
        {
            foreach (var item in items)
                for (var k = 0; k < 3; k++)
                    (await kiosk.PostAsJsonAsync($"/api/halls/{HallId}/tickets", new { serviceItemId = item.Id, priority = "normal" }))
                        .EnsureSuccessStatusCode();
        }

        // Counter 1 calls, 2 serves, 3 is paused for lunch, 4 is open and idle, 5 and 6 are closed.
        await ActAsync("staff1", 1, call: true, start: false);
        await ActAsync("staff2", 2, call: true, start: true);
        await ActAsync("staff3", 3, call: false, start: false, pause: "lunchBreak");
        await ActAsync("supervisor", 4, call: false, start: false);
        // More people at the far counters, so that every page has something going on.
        var extra = new (int Counter, bool Call, string? Pause)[] { (13, true, null), (22, true, null), (31, false, "meeting"),
            (40, true, null), (47, false, "training"), (58, true, null), (60, true, null) };
        foreach (var (counter, call, pause) in extra)
        {
            var user = $"clerk{counter}";
            (await admin.PostAsJsonAsync("/api/admin/users", new
            {
                userName = user, displayName = $"窗口{counter}", badgeNumber = $"2{counter:000}", role = "staff", hallId = HallId,
                password = SeedDemoHall.DemoPassword,
            })).EnsureSuccessStatusCode();
            await ActAsync(user, counter, call, start: false, pause);
        }
    }

    private async Task ActAsync(string user, int number, bool call, bool start, string? pause = null)
    {
        using var staff = await SignedInAsync(user);
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{HallId}/counters");
        var id = counters!.First(c => c!["number"]!.GetValue<int>() == number)!["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
        if (call)
        {
            var called = await staff.PostAsync($"/api/counters/{id}/call-next", null);
            called.EnsureSuccessStatusCode();
            var ticket = (await called.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            if (start)
                (await staff.PostAsync($"/api/counters/{id}/tickets/{ticket}/start", null)).EnsureSuccessStatusCode();
        }
        if (pause is not null)
            (await staff.PostAsJsonAsync($"/api/counters/{id}/pause", new { reason = SecretPauseReason, category = pause }))
                .EnsureSuccessStatusCode();
    }
}

/// <summary>The call display at real size (Q4): 1, 12 and 60 counters on the screens halls have, every item's count always shown.</summary>
public sealed class DisplayLayoutTests(SixtyCounterHall hall) : IClassFixture<SixtyCounterHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    /// <summary>The marquee moves through its clipped line by design; everything else is checked.</summary>
    private static readonly LayoutRules Rules = LayoutRules.Screen with { Ignore = [".notice.scrolling"] };

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    [InlineData(1080, 1920)]
    public async Task Display_1_12_60Counters_EveryCounterShownLegiblyInTurns(int width, int height)
    {
        await hall.PrepareAsync();
        var unit = width >= height ? Math.Min(width / 1920.0, height / 1080.0) : Math.Min(width / 1080.0, height / 1920.0);
        var zones = new (string? Zone, int[] Counters)[]
        {
            ("counters=1", [1]),
            ($"counters={string.Join(",", Enumerable.Range(1, 12))}", Enumerable.Range(1, 12).ToArray()),
            (null, Enumerable.Range(1, 60).ToArray()),
        };
        // One browser for the three zones: the display device signs in once, as on a real screen.
        var display = new DisplayPage(await hall.NewPageAsync(width, height));
        foreach (var (zone, expected) in zones)
        {
            await display.GotoAsync(hall.HallId, zone: zone);
            await Expect(display.CounterNumber(expected[^1])).ToHaveCountAsync(1);
            var seen = new List<int>();
            var label = await display.CounterPageAsync();
            var pages = label is null ? 1 : int.Parse(label.Split('/')[1].TrimEnd(' ', '页'));
            for (var page = 1; page <= pages; page++)
            {
                if (pages > 1)
                    Assert.Equal($"第 {page}/{pages} 页", await display.CounterPageAsync());
                var visible = await display.VisibleCountersAsync();
                Assert.NotEmpty(visible);
                seen.AddRange(visible);
                await Layout.AssertAsync(display.Page, Rules);
                await AssertLegibleAsync(display, width, unit);
                await AssertFilledAsync(display, lastPage: page == pages);
                // The demo hall's eight items: every count on the screen at once, never in turns.
                var (listed, shown) = await display.WaitingItemsAsync();
                Assert.True(listed > 0);
                Assert.Equal(listed, shown);
                await Expect(display.Page.Locator("#waiting-page")).ToBeHiddenAsync();
                if (expected.Length == 60 && page == 1)
                    await SaveAsync(display.Page, width == 1920 ? "display-60-zh" : width == 1366 ? "display-1366-zh" : "display-portrait-zh");
                await display.TurnAsync();
            }
            Assert.Equal(expected, seen.Order().ToArray());
            Assert.Equal(seen.Count, seen.Distinct().Count());
            if (expected.Length == 1)
                Assert.Null(label);
        }
        await display.Page.Context.CloseAsync();
    }

    /// <summary>Called numbers ≥ 100 px on 1080 lines (≥ 72 px at 1366×768), labels ≥ 40 px and waiting counts ≥ 32 px, scaled.</summary>
    private static async Task AssertLegibleAsync(DisplayPage display, int width, double unit)
    {
        var number = await display.SmallestFontAsync("#counters .counter .current");
        if (number is not null)
            Assert.True(number >= (width == 1366 ? 72 : 100), $"called number {number} px");
        var label = await display.SmallestFontAsync("#counters .counter .label");
        Assert.True(label >= 40 * unit - 0.5, $"counter label {label} px");
        var waiting = await display.SmallestFontAsync("#waiting .count");
        Assert.True(waiting >= 32 * unit - 0.5, $"waiting count {waiting} px");
    }

    /// <summary>No large empty area while counters wait for their turn: the cards fill the counters' area.</summary>
    private static async Task AssertFilledAsync(DisplayPage display, bool lastPage)
    {
        var filled = await display.Page.EvaluateAsync<double>("""
            () => {
              const area = document.getElementById('counters').getBoundingClientRect();
              const cards = [...document.querySelectorAll('#counters .counter')].filter(c => !c.hidden)
                .map(c => c.getBoundingClientRect()).reduce((sum, r) => sum + r.width * r.height, 0);
              return cards / (area.width * area.height);
            }
            """);
        Assert.True(filled >= (lastPage ? 0.3 : 0.6), $"cards cover {filled:P0} of the counters' area");
    }

    [Fact]
    public async Task Display_CounterStates_CallingServingIdlePausedClosed()
    {
        await hall.PrepareAsync();
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        foreach (var lang in new[] { "zh", "en" })
        {
            await display.GotoAsync(hall.HallId, lang == "en" ? "en" : null, "counters=1,2,3,4,5,6");
            var en = lang == "en";
            await Expect(display.CounterNumber(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("calling"));
            await Expect(display.CounterNumber(1)).ToContainTextAsync(en ? "Calling" : "叫号中");
            await Expect(display.CounterNumber(1)).ToContainTextAsync("A00");
            await Expect(display.CounterNumber(2)).ToContainTextAsync(en ? "Serving" : "办理中");
            await Expect(display.CounterNumber(3)).ToContainTextAsync(en ? "Paused" : "暂停服务");
            await Expect(display.CounterNumber(3)).ToContainTextAsync(en ? "Lunch break" : "午休");
            await Expect(display.CounterNumber(4)).ToContainTextAsync(en ? "Open" : "空闲");
            await Expect(display.CounterNumber(5)).ToContainTextAsync(en ? "Closed" : "未开放");
            await Expect(display.Counter(en ? "Counter 3 Paused Lunch break" : "3 号窗口 暂停服务 午休")).ToBeVisibleAsync();
            Assert.DoesNotContain(SixtyCounterHall.SecretPauseReason, await display.Page.ContentAsync());
            await Layout.AssertAsync(display.Page, Rules);
            await Layout.AssertCjkRenderedAsync(display.Page);
        }
        await display.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Display_DepartmentZone_ShowsItsCountersAndTheirItemsOnly()
    {
        await hall.PrepareAsync();
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId, zone: $"department={hall.Departments["人力社保"]}");
        await Expect(display.Page.Locator("#zone")).ToHaveTextAsync("人力社保");
        await Expect(display.CounterNumber(3)).ToHaveCountAsync(1);
        await Expect(display.CounterNumber(1)).ToHaveCountAsync(0);
        var waiting = display.Page.Locator("#waiting li");
        await Expect(waiting.Filter(new() { HasText = "社保参保登记" })).ToHaveCountAsync(1);
        await Expect(waiting.Filter(new() { HasText = "企业开办登记" })).ToHaveCountAsync(0);
        // Only calls of the zone's counters are listed (counter 1, which called, is another department's).
        var zoneCounters = await display.Page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('#counters .counter')].map(c => Number(c.dataset.counter))");
        Assert.DoesNotContain(1, zoneCounters);
        foreach (var call in await display.Page.Locator("#recent .where").AllTextContentsAsync())
            Assert.Contains(int.Parse(call.Split(' ')[0]), zoneCounters);
        await Layout.AssertAsync(display.Page, Rules);
    }

    [Fact]
    public async Task Display_Reload_KeepsRecentCallsAndScrollsTheLongNotice()
    {
        await hall.PrepareAsync();
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId);
        await Expect(display.RecentCalls()).Not.ToHaveCountAsync(0);
        var before = await display.RecentCalls().AllTextContentsAsync();
        await display.Page.ReloadAsync();
        await display.Page.Locator("body[data-connection=connected]").WaitForAsync();
        await Expect(display.RecentCalls()).ToHaveCountAsync(before.Count);
        Assert.Equal(before, await display.RecentCalls().AllTextContentsAsync());

        var notice = display.Page.Locator("#notice");
        await Expect(notice).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("scrolling"));
        Assert.Equal("marquee", await notice.Locator("span").EvaluateAsync<string>("s => getComputedStyle(s).animationName"));
        Assert.Equal(0, await display.Page.Locator("marquee").CountAsync());
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
