using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The counter's case panel: <c>/cases</c> (register for the ticket being served) and <c>/cases/{id}</c>.</summary>
public sealed class CasePages(IPage page)
{
    public IPage Page => page;

    public async Task GotoListAsync()
    {
        await page.GotoAsync("/cases");
        await page.Locator("[data-cases-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public Task WaitCaseReadyAsync() =>
        page.Locator("[data-case-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public ILocator ServedTicket => page.GetByTestId("served-ticket");
    public ILocator Status => page.GetByTestId("case-status");
    public ILocator DueDate => page.GetByTestId("due-date");
    public ILocator PickupDate => page.GetByTestId("pickup-date");
    public ILocator Error => page.GetByTestId("case-error");

    public Task FillAsync(string testId, string value) => page.GetByTestId(testId).Locator("input").FillAsync(value);

    public Task TickAsync(string material) => page.GetByTestId($"material-{material}").Locator("input").CheckAsync();

    public Task ClickAsync(string testId) => page.GetByTestId(testId).ClickAsync();
}
