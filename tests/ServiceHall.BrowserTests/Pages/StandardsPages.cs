using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The standards pages: <c>/supervision/standards</c>, <c>/supervision/standards/halls</c>, and the staff's <c>/standards/cards</c>.</summary>
public sealed class StandardsPages(IPage page)
{
    public IPage Page => page;

    /// <summary>The supervisors' pages mark <c>data-report-ready</c>, the staff's page <c>data-page-ready</c>, once interactive and loaded.</summary>
    public Task WaitReportAsync() =>
        page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public Task WaitCardsAsync() =>
        page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public ILocator Verdict(string rule, string verdict) =>
        page.Locator($"[data-testid=verdict][data-rule={rule}][data-verdict={verdict}]");

    public ILocator Cards => page.GetByTestId("cards");

    /// <summary>A card on the staff member's page.</summary>
    public ILocator Card(string status = "Open") => page.Locator($"[data-testid=card][data-status={status}]");

    public static ILocator Input(ILocator scope, string testId) =>
        scope.GetByTestId(testId).Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    public async Task AnswerAsync(ILocator scope, string reason, string measure)
    {
        await Input(scope, "card-reason").FillAsync(reason);
        await Input(scope, "card-measure").FillAsync(measure);
    }
}
