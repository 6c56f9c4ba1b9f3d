using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;

namespace ServiceHall.BrowserTests.Features.Devices;

/// <summary>Halls run on intranets: no page loads anything from outside the installation, and every page has the favicon.</summary>
public sealed class NothingFromOutsideTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static async Task<List<string>> RecordAsync(IPage page, Func<Task> visit)
    {
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await visit();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return requests;
    }

    private void AssertAllLocal(string what, List<string> requests)
    {
        Assert.NotEmpty(requests);
        var outside = requests.Where(url => !url.StartsWith(hall.BaseUrl + "/", StringComparison.Ordinal)
                                            && !url.StartsWith("ws://127.0.0.1:" + hall.Port + "/", StringComparison.Ordinal)
                                            && !url.StartsWith("data:", StringComparison.Ordinal)
                                            && !url.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, $"{what} loaded from outside: {string.Join(", ", outside)}");
    }

    [Fact]
    public async Task ApiReference_LoadsOnlyFromTheInstallation()
    {
        var page = await hall.NewPageAsync(1366, 900);
        var requests = await RecordAsync(page, async () =>
        {
            await page.GotoAsync("/api-docs");
            await Microsoft.Playwright.Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("ServiceHall API"));
        });
        AssertAllLocal("/api-docs", requests);
    }

    [Fact]
    public async Task PublicAndStaffPages_LoadOnlyFromTheInstallation_WithTheFavicon()
    {
        var page = await hall.NewPageAsync();
        var requests = await RecordAsync(page, () => page.GotoAsync("/login"));
        AssertAllLocal("/login", requests);
        Assert.Equal("/favicon.svg", await page.Locator("link[rel=icon]").GetAttributeAsync("href"));

        requests = await RecordAsync(page, () => new KioskPage(page).GotoAsync(hall.HallId));
        AssertAllLocal("/kiosk", requests);
        Assert.Equal("/favicon.svg", await page.Locator("link[rel=icon]").GetAttributeAsync("href"));

        var display = await hall.NewPageAsync(1920, 1080);
        requests = await RecordAsync(display, async () =>
        {
            await LoginPage.SignedInAsync(display, "display1", $"/display/{hall.HallId}");
            await display.Locator("body[data-connection=connected]").WaitForAsync();
        });
        AssertAllLocal("/display", requests);

        var dashboard = await hall.NewPageAsync(1366, 900);
        requests = await RecordAsync(dashboard, async () =>
        {
            await LoginPage.SignedInAsync(dashboard, "supervisor", "/dashboard");
            await dashboard.GetByTestId("devices-panel").WaitForAsync();
        });
        AssertAllLocal("/dashboard", requests);
        Assert.Equal("/favicon.svg", await dashboard.Locator("link[rel=icon]").GetAttributeAsync("href"));

        using var http = hall.Http();
        var ico = await http.GetAsync("/favicon.ico");
        ico.EnsureSuccessStatusCode();
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
    }
}
