using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The phone booking page <c>/book/{hallId}</c> (Q8) as a citizen uses it: a day, a time, their details, the code.</summary>
public sealed class BookingPage(IPage page)
{
    public IPage Page => page;

    public async Task GotoAsync(Guid hallId, string? lang = null)
    {
        await page.GotoAsync($"/book/{hallId}" + (lang is null ? "" : $"?lang={lang}"));
        await page.Locator("#choose:not([hidden]), #done:not([hidden]), #error:not([hidden])").First.WaitForAsync();
    }

    /// <summary>A choice (item, day or time) by the start of its accessible name ("今天 11月24日周二 还剩 5 个").</summary>
    public ILocator Option(string startsWith) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(startsWith)) });

    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public ILocator Button(string label) => page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    public ILocator Code => page.Locator("#code");
    public ILocator Qr => page.Locator("#qr");
    public ILocator Done => page.Locator("#done");
    public ILocator FormError => page.Locator("#form-error");
}
