using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;

namespace ServiceHall.BrowserTests.Features.Dashboard;

/// <summary>
/// The back-office pages on the screens they are used on (a 1366×768 office PC, a 1920×1080 wall screen):
/// nothing wider than the screen, cut off or overlapping, Chinese drawn.
/// </summary>
public sealed class BackOfficeLayoutTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Theory]
    [InlineData("supervisor", "/dashboard", 1366, 768)]
    [InlineData("supervisor", "/dashboard", 1920, 1080)]
    [InlineData("supervisor", "/supervision", 1366, 768)]
    [InlineData("admin", "/admin", 1366, 768)]
    [InlineData("admin", "/admin/calendar", 1366, 768)]
    [InlineData("admin", "/admin/guides", 1366, 768)]
    [InlineData("staff1", "/inquiries", 1366, 768)]
    [InlineData("staff1", "/cases", 1366, 768)]
    public async Task Page_SignedIn_FitsTheScreen(string userName, string path, int width, int height)
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(width, height), userName, RoleHome(userName));
        if (path != RoleHome(userName))
            await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(500); // the interactive render after the prerender
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
    }

    [Fact]
    public async Task Dashboard_WithItsPanels_KeepsItsStylesheet()
    {
        // Each page's own stylesheet comes through HeadContent, of which only the last rendered counts: a panel
        // that brings its own once took the dashboard's away, and the figures fell apart into lines of text.
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GetByTestId("devices-panel").WaitForAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".sh-stats")).ToHaveCSSAsync("display", "grid");
    }

    [Fact]
    public async Task Login_Empty_FitsTheScreen()
    {
        var page = await hall.NewPageAsync(1366, 768);
        await new LoginPage(page).GotoAsync();
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
    }

    private static string RoleHome(string userName) => userName switch
    {
        "admin" => "/admin",
        "supervisor" => "/dashboard",
        _ => "/counter",
    };
}
