using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The supervisor's pages: <c>/supervision</c> with its tabs, a follow-up, a complaint; and the staff's <c>/complaints</c>, <c>/gifts</c>.</summary>
public sealed class SupervisionPages(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens a page and waits for its interactive circuit (the buttons work from then on).</summary>
    public async Task GotoAsync(string url)
    {
        await page.GotoAsync(url);
        await WaitReadyAsync();
    }

    /// <summary>Generous: the circuit of a page comes up late on a loaded machine.</summary>
    public Task WaitReadyAsync() =>
        page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public async Task OpenTabAsync(string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });
        await tab.ClickAsync();
        await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task ChooseAsync(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    public Task PickAsync(string text) => page.GetByText(text, new() { Exact = true }).ClickAsync();

    /// <summary>Follows the link in the row of a register that shows <paramref name="rowText"/>, and waits for the page it opens.</summary>
    public async Task OpenRowAsync(string table, string rowText, string urlPattern)
    {
        await page.GetByTestId(table).Locator("tr", new() { HasText = rowText }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(new Regex(urlPattern));
        await WaitReadyAsync();
    }

    public ILocator Error => page.GetByTestId("page-error");
}
