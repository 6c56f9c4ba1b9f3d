using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>The 《办事指南》 at first contact (M1): each item's guide on the kiosk with its QR code; the receipt dated in the hall's zone.</summary>
public sealed class KioskGuideTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Theory]
    [InlineData(1280, 800, "kiosk-guide-zh")]
    [InlineData(1080, 1920, "kiosk-guide-portrait-zh")]
    public async Task Kiosk_ItemGuideWithQr_FitsTheScreen(int width, int height, string shot)
    {
        var kiosk = new KioskPage(await hall.NewPageAsync(width, height));
        await kiosk.GotoAsync(hall.HallId);
        var cell = kiosk.Page.GetByRole(AriaRole.Group, new() { Name = "企业开办登记" });
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await cell.GetByRole(AriaRole.Button, new() { Name = "办事指南" }).ClickAsync();

        var guide = kiosk.Page.GetByRole(AriaRole.Dialog, new() { Name = "企业开办登记 · 办事指南" });
        await Expect(guide).ToBeVisibleAsync();
        await Expect(guide).ToContainTextAsync("承诺 3 个工作日内办结");
        await Expect(guide).ToContainTextAsync("公司章程");
        await Expect(guide).ToContainTextAsync("0571-12345");
        var qr = guide.GetByRole(AriaRole.Img, new() { Name = "办事指南二维码" });
        Assert.True(await qr.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"));
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await Layout.AssertCjkRenderedAsync(kiosk.Page);
        await SaveAsync(kiosk.Page, shot);

        await kiosk.Button("关闭").ClickAsync();
        await Expect(guide).ToBeHiddenAsync();
        await Expect(kiosk.Item("企业开办登记")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Receipt_CarriesTheHallLocalDate()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync("社保参保登记", "老人");
        await kiosk.TicketNumber.WaitForAsync();
        var today = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai");
        await Expect(kiosk.Page.Locator("#ticket-date")).ToContainTextAsync($"{today:yyyy}/{today:MM}/{today:dd}");
        await kiosk.Page.Locator("#ticket-qr").EvaluateAsync("img => img.decode()");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        // The 80 mm receipt as the printer gets it (print CSS), at about 80 mm of screen width.
        await kiosk.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await kiosk.Page.SetViewportSizeAsync(302, 800);
        await Expect(kiosk.Page.Locator("#ticket-date")).ToBeVisibleAsync();
        await SaveAsync(kiosk.Page, "receipt-zh");
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
