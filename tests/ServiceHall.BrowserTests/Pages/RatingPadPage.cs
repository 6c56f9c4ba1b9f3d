using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The rating pad next to a counter <c>/pad/{counterId}</c>: the supervision card when idle, the rating form after a service.</summary>
public sealed class RatingPadPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens the pad; a pad not yet signed in goes to /login once, as the device is set up, and comes back.</summary>
    public async Task GotoAndSignInAsync(string counterId, string userName = "pad1", string password = "Demo#2026")
    {
        await page.GotoAsync($"/pad/{counterId}");
        var login = new LoginPage(page);
        await Assertions.Expect(login.UserName.Or(Card).Or(Form)).ToBeVisibleAsync();
        if (await login.UserName.IsVisibleAsync())
            await login.SignInAsync(userName, password);
        await Assertions.Expect(Card.Or(Form)).ToBeVisibleAsync();
    }

    /// <summary>行风监督卡: what the idle pad shows.</summary>
    public ILocator Card => page.GetByRole(AriaRole.Region, new() { Name = "行风监督卡" });

    public ILocator Form => page.GetByRole(AriaRole.Form, new() { Name = "请对本次服务进行评价" });

    public ILocator Level(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Reason(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Key(string digit) => page.Locator(".keypad").GetByRole(AriaRole.Button, new() { Name = digit, Exact = true });

    public ILocator Thanks => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "感谢您的评价" });

    public ILocator FollowUp => page.Locator(".follow-up");
}
