using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>An app that lets one anonymous ticket through per address, as a busy kiosk would meet it.</summary>
public sealed class OneAnonymousTicketHall : BrowserHall
{
    protected override int AnonymousTicketLimit => 1;
}

public sealed class KioskRateLimitTests(OneAnonymousTicketHall hall) : IClassFixture<OneAnonymousTicketHall>
{
    [Fact]
    public async Task TakeTicket_AfterRateLimit_KioskSignsInAndIssues()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync("户籍办理", "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync("E001");
        await kiosk.Button("完成").ClickAsync();

        await kiosk.TakeTicketAsync("户籍办理", "军人");
        await Expect(kiosk.SignInDialog).ToBeVisibleAsync();
        await kiosk.SignInAsync("kiosk1", SeedDemoHall.DemoPassword);

        await Expect(kiosk.TicketNumber).ToHaveTextAsync("E002");
        await Expect(kiosk.Ticket("您的号码")).ToContainTextAsync("军人");
    }
}
