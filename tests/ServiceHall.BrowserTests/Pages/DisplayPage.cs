using System.Text.Json;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The hall's call display (叫号大屏).</summary>
public sealed class DisplayPage(IPage page)
{
    public IPage Page => page;

    /// <summary>
    /// Opens the display of a hall; the first time in a browser the display device account signs in
    /// (<c>display1</c>) and the page comes back by itself.
    /// </summary>
    public async Task GotoAsync(Guid hallId, string? lang = null)
    {
        var path = $"/display/{hallId}" + (lang is null ? "" : $"?lang={lang}");
        await page.GotoAsync(path);
        if (new Uri(page.Url).AbsolutePath == "/login")
        {
            await new LoginPage(page).SignInAsync("display1");
            await page.WaitForURLAsync($"**{path}");
        }
        await page.Locator("body[data-connection=connected]").WaitForAsync();
    }

    /// <summary>A counter's card; its accessible name is "N 号窗口" followed by the number it calls.</summary>
    public ILocator Counter(string label) => page.GetByRole(AriaRole.Group, new() { Name = label });

    /// <summary>The last calls, newest first, in the region titled <paramref name="title"/>.</summary>
    public ILocator RecentCalls(string title = "最近叫号") =>
        page.GetByRole(AriaRole.Region, new() { Name = title }).GetByRole(AriaRole.Listitem);

    /// <summary>What the voice said so far, in order, with start and end times (ms).</summary>
    public async Task<Spoken[]> SpokenAsync() =>
        JsonSerializer.Deserialize<Spoken[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.hallDisplaySpoken)"),
            JsonSerializerOptions.Web)!;

    public sealed record Spoken(string Text, double Start, double End);
}
