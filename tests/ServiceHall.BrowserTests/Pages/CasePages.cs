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

    // MudBlazor puts extra attributes on the input itself or on its wrapper, depending on the component.
    private ILocator Input(string testId) => page.GetByTestId(testId).Locator("xpath=descendant-or-self::input").First;

    public Task FillAsync(string testId, string value) => Input(testId).FillAsync(value);

    public Task TickAsync(string material) => Input($"material-{material}").CheckAsync();

    public Task ClickAsync(string testId) => page.GetByTestId(testId).ClickAsync();
}
