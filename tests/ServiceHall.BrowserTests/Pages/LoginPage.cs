using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The sign-in page <c>/login</c> of the staff, supervisor, admin and display accounts.</summary>
public sealed class LoginPage(IPage page)
{
    public IPage Page => page;

    public async Task GotoAsync(string? returnUrl = null) =>
        await page.GotoAsync("/login" + (returnUrl is null ? "" : $"?ReturnUrl={Uri.EscapeDataString(returnUrl)}"));

    public ILocator UserName => page.GetByLabel(new Regex("^(账户|Account)$"));
    public ILocator Password => page.GetByLabel(new Regex("^(密码|Password)$"));
    public ILocator Error => page.GetByTestId("login-error");

    /// <summary>Fills the form and submits; the demo password unless another is given.</summary>
    public async Task SignInAsync(string userName, string password = SeedDemoHall.DemoPassword)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ClickAsync();
    }

    /// <summary>Opens /login and signs in, then waits until the role's page has loaded.</summary>
    public static async Task<IPage> SignedInAsync(IPage page, string userName, string landsOn)
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(userName);
        await page.WaitForURLAsync($"**{landsOn}");
        return page;
    }

    /// <summary>
    /// Signs in a person who works in several halls (ADR-032): the chooser comes first, and the hall named is chosen.
    /// </summary>
    public static async Task<IPage> SignedInToHallAsync(IPage page, string userName, string hallName, string landsOn)
    {
        await SignedInAsync(page, userName, "/account/hall**");
        await page.GetByTestId("hall-choice").Filter(new() { HasText = hallName }).ClickAsync();
        await page.WaitForURLAsync($"**{landsOn}");
        return page;
    }
}
