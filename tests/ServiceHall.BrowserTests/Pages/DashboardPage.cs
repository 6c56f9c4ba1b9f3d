using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The supervisor's live dashboard <c>/dashboard</c>.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page => page;

    public static async Task<DashboardPage> OpenAsync(IPage page, string userName = "supervisor")
    {
        await LoginPage.SignedInAsync(page, userName, "/dashboard");
        var dashboard = new DashboardPage(page);
        // Until the circuit is up the page is prerendered HTML that does not answer clicks.
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await dashboard.QueueRows.First.WaitForAsync();
        return dashboard;
    }

    public ILocator QueueRows => page.GetByTestId("queue-row");

    /// <summary>The queue row of the item with that ticket prefix; its <c>data-colour</c> is green, amber or red.</summary>
    public ILocator QueueRow(string prefix) => page.Locator($"[data-testid=queue-row][data-prefix='{prefix}']");

    public ILocator Alerts => page.GetByTestId("alert");

    public ILocator Stat(string name) => page.GetByTestId($"stat-{name}");

    public ILocator CounterRows => page.GetByTestId("counter-row");

    public ILocator Chart => page.GetByTestId("per-hour-chart");
}
