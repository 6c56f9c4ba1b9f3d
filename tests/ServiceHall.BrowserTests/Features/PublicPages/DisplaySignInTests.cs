using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// P2: the display runs on its device account. A display is normally enrolled by a link from /admin (see
/// DeviceEnrolmentTests); the demo's display1 also signs in once at /login and keeps a lasting cookie.
/// </summary>
public sealed class DisplaySignInTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Display_NotSignedIn_SignsInOnceThenOpensStraightAway()
    {
        var page = await hall.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/display/{hall.HallId}?lang=en");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));

        await new LoginPage(page).SignInAsync("display1");
        await page.WaitForURLAsync($"**/display/{hall.HallId}?lang=en");
        await page.Locator("body[data-connection=connected]").WaitForAsync();

        // The device keeps its sign-in across browser restarts: a cookie with an expiry, not a session cookie.
        var auth = (await page.Context.CookiesAsync()).Single(c => c.Name == "ServiceHall.Auth");
        Assert.True(auth.Expires > DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds(), $"expires {auth.Expires}");
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync($"/display/{hall.HallId}");
        await again.Locator("body[data-connection=connected]").WaitForAsync();
        Assert.EndsWith($"/display/{hall.HallId}", again.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DisplayAccount_LandsOnItsHallsDisplay()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1920, 1080), "display1", $"/display/{hall.HallId}");
        await page.Locator("body[data-connection=connected]").WaitForAsync();
    }

    [Fact]
    public async Task Display_StaffMember_AccessDenied()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff1", "/counter");
        await page.GotoAsync($"/display/{hall.HallId}");

        await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("无权访问");
        var auth = (await page.Context.CookiesAsync()).Single(c => c.Name == "ServiceHall.Auth");
        Assert.Equal(-1, auth.Expires); // people get a session cookie on shared counter PCs
    }

    [Fact]
    public async Task Display_OtherHallsId_Forbidden()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1920, 1080), "display1", $"/display/{hall.HallId}");
        await page.GotoAsync($"/display/{Guid.NewGuid()}");

        await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
    }
}
