using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The assessment pages: <c>/supervision/assessment</c> (supervisors) and <c>/assessment/mine</c> (staff).</summary>
public sealed class AssessmentPages(IPage page)
{
    public IPage Page => page;

    public Task WaitReportAsync() =>
        page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public Task WaitMineAsync() =>
        page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public ILocator Row(string name) => page.GetByTestId("assessment-row").Filter(new() { HasText = name });

    public ILocator Total(string name) => Row(name).GetByTestId("total");

    public ILocator Figure(string name, string indicator) => Row(name).Locator($"td[data-indicator={indicator}]").GetByTestId("figure");

    public ILocator Weight(string indicator) =>
        page.Locator($"[data-testid=weight-row][data-indicator={indicator}] input");

    /// <summary>The hall's target of tickets served per person and day attended, on the weights panel.</summary>
    public ILocator Target => page.Locator("[data-testid=served-target] input");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
