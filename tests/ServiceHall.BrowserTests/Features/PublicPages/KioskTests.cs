using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

public sealed class KioskTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task TakeTicket_ElderlyConfirmed_ShowsNumberAndQrCode()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync(1080, 1920));
        await kiosk.GotoAsync(hall.HallId);

        await Expect(kiosk.Heading).ToHaveTextAsync("请选择办理事项");
        await kiosk.TakeTicketAsync("企业开办登记", "老人");

        await Expect(kiosk.Ticket("您的号码")).ToBeVisibleAsync();
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        await Expect(kiosk.Ticket("您的号码")).ToContainTextAsync("老人");
        var qr = kiosk.QrCode("打开手机排队页面的二维码");
        await Expect(qr).ToBeVisibleAsync();
        var id = await kiosk.TicketIdAsync();
        // The QR code carries the ticket's rating key: the paper in the citizen's hand is what lets them rate.
        await Expect(qr).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"^/api/tickets/{id}/qr\\.svg\\?k=[A-Za-z0-9_-]{{22}}$"));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "the QR code image loads");
    }

    [Fact]
    public async Task Kiosk_InEnglish_ShowsEnglishLabels()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId, "en");

        await Expect(kiosk.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(kiosk.Heading).ToHaveTextAsync("Choose the service you need");
        await kiosk.TakeTicketAsync("Business registration", "Elderly", "Confirm and take ticket");
        await Expect(kiosk.Ticket("Your number")).ToContainTextAsync("People ahead");
        await Expect(kiosk.Page.GetByRole(AriaRole.Link, new() { Name = "切换为中文" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PriorityChoice_Back_ReturnsToItemsWithoutIssuing()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId);

        await kiosk.Item("户籍办理").ClickAsync();
        await Expect(kiosk.Priority("普通")).ToHaveAttributeAsync("aria-pressed", "true");
        await kiosk.Button("返回").ClickAsync();

        await Expect(kiosk.Heading).ToHaveTextAsync("请选择办理事项");
        await Expect(kiosk.Item("户籍办理")).ToContainTextAsync("等候 0 人");
    }
}
