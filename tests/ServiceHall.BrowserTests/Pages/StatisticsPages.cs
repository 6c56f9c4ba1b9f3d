using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The statistics pages under <c>/supervision</c>: complaint statistics, ticket lookup, alerts, past figures, 好差评.</summary>
public sealed class StatisticsPages(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens a statistics page and waits until its controls work and its figures are in.</summary>
    public async Task GotoAsync(string url)
    {
        await page.GotoAsync(url);
        await WaitReadyAsync();
    }

    /// <summary>Generous: the circuit of a page comes up late on a loaded machine.</summary>
    public Task WaitReadyAsync() =>
        page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    /// <summary>Opens 统计分析 in the menu of an interactive page (the dashboard) and follows one of its links.</summary>
    public async Task OpenFromMenuAsync(string group, string link)
    {
        // The group opens only once the page's circuit runs.
        await page.Locator("[data-interactive=yes]").WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByText(group, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await WaitReadyAsync();
    }

    /// <summary>A breakdown table's line by its visible name.</summary>
    public ILocator CountRow(string table, string name) =>
        page.GetByTestId(table).Locator("[data-testid=count-row]").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }) });

    public ILocator ComplaintRows => page.GetByTestId("complaint-rows").Locator("tbody tr");

    public ILocator Steps => page.GetByTestId("ticket-steps").Locator("tbody tr");

    public async Task LookUpAsync(string number)
    {
        await page.GetByTestId("ticket-number").Locator("xpath=descendant-or-self::input").First.FillAsync(number);
        await page.GetByTestId("look-up").ClickAsync();
    }

    /// <summary>Writes the screenshot when <c>SERVICEHALL_SCREENSHOTS</c> names a folder.</summary>
    public async Task ShotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is not { Length: > 0 } folder)
            return;
        // Let the chart settle after the last render.
        await page.WaitForTimeoutAsync(400);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
