using System.Text.Json;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The hall's call display (叫号大屏).</summary>
public sealed class DisplayPage(IPage page)
{
    public IPage Page => page;

    /// <summary>
    /// Opens the display of a hall; the first time in a browser the display device account signs in
    /// (<paramref name="account"/>, the demo centre's <c>display1</c> unless told) and the page comes back by itself.
    /// </summary>
    /// <param name="zone">A zone of the hall: <c>department={id}</c> or <c>counters=1,2,5</c>.</param>
    public async Task GotoAsync(Guid hallId, string? lang = null, string? zone = null, string account = "display1")
    {
        var query = string.Join("&", new[] { lang is null ? null : $"lang={lang}", zone }.Where(q => q is not null));
        var path = $"/display/{hallId}" + (query.Length == 0 ? "" : $"?{query}");
        await page.GotoAsync(path);
        if (new Uri(page.Url).AbsolutePath == "/login")
        {
            await new LoginPage(page).SignInAsync(account);
            await page.WaitForURLAsync($"**{path}");
        }
        await page.Locator("body[data-connection=connected]").WaitForAsync();
    }

    /// <summary>A counter's card; its accessible name is "N 号窗口" followed by what it shows.</summary>
    public ILocator Counter(string label) => page.GetByRole(AriaRole.Group, new() { Name = label });

    /// <summary>A counter's card by its number (no "1 号窗口" matching "11 号窗口").</summary>
    public ILocator CounterNumber(int number) => page.Locator($"#counters .counter[data-counter='{number}']");

    /// <summary>The last calls, newest first, in the region titled <paramref name="title"/>.</summary>
    public ILocator RecentCalls(string title = "最近叫号") =>
        page.GetByRole(AriaRole.Region, new() { Name = title }).GetByRole(AriaRole.Listitem);

    /// <summary>The counter cards on screen now (the current page), by number.</summary>
    public async Task<int[]> VisibleCountersAsync() =>
        await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('#counters .counter')].filter(c => !c.hidden).map(c => Number(c.dataset.counter))");

    /// <summary>The items listed with their waiting counts, and how many of them are on the screen now.</summary>
    public async Task<(int Listed, int Visible)> WaitingItemsAsync() =>
        await page.EvaluateAsync<int[]>("() => { const all = [...document.querySelectorAll('#waiting li')]; return [all.length, all.filter(li => !li.hidden).length]; }")
            is [var listed, var visible] ? (listed, visible) : (0, 0);

    /// <summary>"第 2/3 页" when the counters are shown in turns, null when all are on one page.</summary>
    public async Task<string?> CounterPageAsync()
    {
        var label = page.Locator("#counters-page");
        return await label.IsVisibleAsync() ? await label.TextContentAsync() : null;
    }

    /// <summary>Shows the next page now instead of after the 8 s turn.</summary>
    public Task TurnAsync() => page.EvaluateAsync("() => window.hallDisplay.turn()");

    /// <summary>The smallest computed font size (px) among the visible elements matching <paramref name="selector"/>, or null.</summary>
    public Task<double?> SmallestFontAsync(string selector) =>
        page.EvaluateAsync<double?>(
            "sel => { const s = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0)" +
            ".map(e => parseFloat(getComputedStyle(e).fontSize)); return s.length ? Math.min(...s) : null; }", selector);

    /// <summary>What the voice said so far, in order, with start and end times (ms).</summary>
    public async Task<Spoken[]> SpokenAsync() =>
        JsonSerializer.Deserialize<Spoken[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.hallDisplaySpoken)"),
            JsonSerializerOptions.Web)!;

    /// <summary>Chime and announcements in order; an announcement from clips lists the clips it joined.</summary>
    public async Task<Played[]> PlayedAsync() =>
        JsonSerializer.Deserialize<Played[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.hallDisplayAudio || [])"),
            JsonSerializerOptions.Web)!;

    public sealed record Spoken(string Text, double Start, double End);

    public sealed record Played(string Kind, string? Text, string[]? Clips, double Start, double End);
}
