using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Identity;

/// <summary>
/// ADR-032 on a 1024×768 counter monitor: the demo's 孙磊 works in 滨江医院 and in the district centre. Signing in offers
/// the chooser; the counter page names the chosen hall and offers 切换大厅. With <c>SERVICEHALL_SCREENSHOTS</c> set, the
/// chooser and the counter after the switch are written to docs/screenshots.
/// </summary>
public sealed class HallSwitchTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static readonly LayoutRules CounterRules = LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] };
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task SignIn_PersonInTwoHalls_ChoosesTheHall_ThenSwitchesBack()
    {
        var page = await hall.NewPageAsync(1024, 768);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(SeedDemoMemberships.UserName);
        await page.WaitForURLAsync("**/account/hall**");

        var choices = page.GetByTestId("hall-choice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "选择工作大厅" })).ToBeVisibleAsync();
        await Expect(choices).ToHaveCountAsync(2);
        await Expect(choices.First).ToContainTextAsync("滨江医院");
        await Expect(choices.First).ToContainTextAsync("窗口工作人员 · 当前所在");
        await Expect(choices.Nth(1)).ToContainTextAsync(SeedDemoHall.DemoHallName);
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);
        await SaveAsync(page, "choose-hall-zh");

        await choices.Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        await Expect(page.GetByTestId("hall-name")).ToHaveTextAsync(SeedDemoHall.DemoHallName);
        var switchHall = page.GetByTestId("switch-hall");
        await Expect(switchHall).ToBeVisibleAsync();
        await Layout.AssertAsync(page, CounterRules);
        await SaveAsync(page, "counter-switch-hall-zh");

        await switchHall.ClickAsync();
        await page.WaitForURLAsync("**/account/hall");
        await Expect(choices.Nth(0)).ToContainTextAsync(SeedDemoHall.DemoHallName);
        await page.GetByTestId("hall-choice").Filter(new() { HasText = "滨江医院" }).ClickAsync();
        await page.WaitForURLAsync("**/counter");
        await Expect(page.GetByTestId("hall-name")).ToHaveTextAsync("滨江医院");
    }

    [Fact]
    public async Task SignIn_PersonInOneHall_NoChooserAndNoSwitch()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "staff3", "/counter");
        await new CounterPage(page).WaitReadyAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("switch-hall")).ToHaveCountAsync(0);
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png"), FullPage = true });
    }
}
