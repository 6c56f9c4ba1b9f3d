using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Devices;

/// <summary>An app that lets one anonymous ticket through per phone, so that "not limited" shows.</summary>
public sealed class OneTicketPerPhoneHall : BrowserHall
{
    protected override int AnonymousTicketLimit => 1;
}

/// <summary>P2, S8: a kiosk enrolled from /admin on another machine issues without limit and never shows a sign-in form.</summary>
public sealed class DeviceEnrolmentTests(OneTicketPerPhoneHall hall) : IClassFixture<OneTicketPerPhoneHall>
{
    private readonly string? _shots = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task EnrolKiosk_LinkOpenedOnTheDevice_IssuesPastTheLimitWithoutSignIn_RevokedStops()
    {
        var admin = await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 900));
        await admin.OpenTabAsync("设备");
        var tab = admin.Page.GetByTestId("devices-tab");
        await tab.GetByLabel("名称").FillAsync("东门取号机");
        await tab.GetByTestId("device-create").ClickAsync();
        var link = admin.Page.GetByTestId("enrolment-link");
        await Expect(link).ToContainTextAsync("/enrol?code=");
        await Expect(admin.Page.GetByTestId("enrolment").Locator("svg")).ToBeVisibleAsync();
        await Expect(admin.Row("东门取号机")).ToContainTextAsync("待注册");
        await Layout.AssertAsync(admin.Page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(admin.Page);
        if (_shots is { Length: > 0 })
            await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(_shots, "admin-devices-zh.png"), FullPage = true });
        var address = await link.TextContentAsync();

        // The kiosk is another machine: a browser context of its own, which only ever opens the link.
        var device = await hall.NewPageAsync();
        await device.GotoAsync(address!);
        await Expect(device).ToHaveURLAsync(new Regex($"/kiosk/{hall.HallId}$"));
        var kiosk = new KioskPage(device);
        await kiosk.Heading.WaitForAsync();
        for (var n = 1; n <= 12; n++)
        {
            await kiosk.TakeTicketAsync("综合咨询", "普通");
            await Expect(kiosk.TicketNumber).ToHaveTextAsync($"H{n:000}");
            await kiosk.Button("完成").ClickAsync();
        }
        await Expect(device.Locator("input[type=password]")).ToHaveCountAsync(0);
        await Expect(device.GetByRole(AriaRole.Dialog, new() { Name = "取号机设备登录" })).ToHaveCountAsync(0);

        // The link works once: a second machine gets a page saying so, and no credential.
        var second = await hall.NewPageAsync();
        var response = await second.GotoAsync(address!);
        Assert.Equal(400, response!.Status);
        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("注册码无效");

        await admin.Page.ReloadAsync();
        await admin.Page.Locator("[data-interactive=yes]").WaitForAsync();
        await admin.OpenTabAsync("设备");
        await Expect(admin.Row("东门取号机")).ToContainTextAsync("在线");
        await admin.Row("东门取号机").GetByTestId("device-revoke").ClickAsync();
        await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
        await Expect(admin.Row("东门取号机")).ToContainTextAsync("已停用");

        await kiosk.TakeTicketAsync("综合咨询", "普通");
        await Expect(device.Locator("#error")).ToContainTextAsync("此设备已被停用");
    }

    [Fact]
    public async Task AnonymousKiosk_OverThePhoneLimit_SaysWhatWasLimited_NoSignInForm()
    {
        var page = await hall.NewPageAsync();
        var kiosk = new KioskPage(page);
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync("户籍办理", "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new Regex("^E\\d{3}$"));
        await kiosk.Button("完成").ClickAsync();

        await kiosk.TakeTicketAsync("户籍办理", "军人");
        await Expect(page.Locator("#error")).ToContainTextAsync("这部手机取号过于频繁");
        await Expect(page.Locator("input[type=password]")).ToHaveCountAsync(0);
        await Layout.AssertAsync(page, LayoutRules.Touch);
    }

    [Fact]
    public async Task Dashboard_DevicesPanel_ShowsEachDeviceState()
    {
        // The demo display signs in at /login (a lasting cookie) and lands on its hall's display.
        var display = await LoginPage.SignedInAsync(await hall.NewPageAsync(1920, 1080), "display1", $"/display/{hall.HallId}");
        await display.Locator("body[data-connection=connected]").WaitForAsync();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 900), "supervisor", "/dashboard");
        var panel = page.GetByTestId("devices-panel");
        await Expect(panel.GetByTestId("device-row").Filter(new() { HasText = "叫号大屏 1" })).ToContainTextAsync("在线");
        await Expect(panel.GetByTestId("device-row").Filter(new() { HasText = "大厅取号机 1" })).ToContainTextAsync("离线");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        if (_shots is { Length: > 0 })
        {
            // The panel re-renders as devices report in (for a moment it has no box): photograph its place on the page,
            // not the element.
            var box = await panel.BoundingBoxAsync();
            for (var attempt = 0; box is null && attempt < 20; attempt++)
            {
                await page.WaitForTimeoutAsync(100);
                box = await panel.BoundingBoxAsync();
            }
            Assert.NotNull(box);
            await page.ScreenshotAsync(new() { Path = Path.Combine(_shots, "dashboard-devices-zh.png"), FullPage = true,
                Clip = new() { X = box.X, Y = box.Y, Width = box.Width, Height = box.Height } });
        }
    }

    [Fact]
    public async Task PadAccount_SignsInAtLogin_LandsOnItsPad()
    {
        var page = await hall.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync("pad1");
        await page.WaitForURLAsync(new Regex("/pad/[0-9a-f-]{36}$"));
    }
}
