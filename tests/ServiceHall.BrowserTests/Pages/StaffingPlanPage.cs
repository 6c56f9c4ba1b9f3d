using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The supervisor's staffing plan <c>/supervision/staffing</c> (B1).</summary>
public sealed class StaffingPlanPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Signs in as the supervisor and follows the menu link to the plan.</summary>
    public static async Task<StaffingPlanPage> OpenAsync(IPage page, string userName = "supervisor")
    {
        await LoginPage.SignedInAsync(page, userName, "/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "排班建议" }).ClickAsync();
        var plan = new StaffingPlanPage(page);
        await plan.WaitReadyAsync();
        return plan;
    }

    public Task WaitReadyAsync() =>
        page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public ILocator Table => page.GetByTestId("staffing-plan");
    public ILocator DayHeaders => page.GetByTestId("plan-day");
    public ILocator Cells => page.GetByTestId("plan-cell");
    public ILocator Cell(string date, int hour) =>
        page.Locator($"[data-testid=plan-hour][data-hour='{hour}'] [data-testid=plan-cell][data-date='{date}']");
    public ILocator Chart => page.GetByTestId("plan-chart");
    public ILocator Basis => page.GetByTestId("plan-basis");
    public ILocator Settings => page.GetByTestId("staffing-settings");
    public ILocator Planned => page.GetByTestId("planned-counters");

    public async Task NextWeekAsync()
    {
        await page.GetByTestId("range-next-week").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(DayHeaders).ToHaveCountAsync(7, new() { Timeout = 60_000 });
        await WaitReadyAsync();
    }
}
