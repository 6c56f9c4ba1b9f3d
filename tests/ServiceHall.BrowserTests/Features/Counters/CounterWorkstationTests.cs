using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Counters;

/// <summary>Q1, Q3, Q4, Q9 as people do them: kiosk → /login → /counter → display and phone; keyboard shortcuts.</summary>
public sealed class CounterWorkstationTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task CallNext_TicketFromKiosk_DisplayWithinOneSecondAndPhoneShowsCounter()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId);
        await kiosk.TakeTicketAsync("企业开办登记", "老人");
        await Expect(kiosk.Ticket("您的号码")).ToBeVisibleAsync();
        var number = await kiosk.TicketNumber.InnerTextAsync();
        var ticketId = await kiosk.TicketIdAsync();

        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hall.HallId);
        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);

        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff1", "/counter"));
        await counter.WaitReadyAsync();
        await Expect(counter.Page.GetByTestId("signed-in-user")).ToContainTextAsync("王晓明");
        await Expect(counter.Page.GetByTestId("signed-in-user")).ToContainTextAsync("工号 1001");
        await counter.OpenCounterAsync(1);
        await Expect(counter.State).ToHaveTextAsync("服务中");
        await Expect(counter.Waiting(number)).ToBeVisibleAsync();
        await Expect(counter.Waiting(number)).ToContainTextAsync("老人");

        await counter.Button("呼叫下一位").ClickAsync();
        var clock = Stopwatch.StartNew();
        await Expect(display.Counter("1 号窗口")).ToContainTextAsync(number, new() { Timeout = 1000 });
        Assert.True(clock.ElapsedMilliseconds <= 1000, $"display showed the call after {clock.ElapsedMilliseconds} ms");

        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
        await Expect(counter.CurrentStatus).ToHaveTextAsync("已叫号，等候到场");
        await Expect(counter.Waiting(number)).ToHaveCountAsync(0);
        await Expect(phone.CalledNotice).ToContainTextAsync("请到 1 号窗口");

        await counter.Button("开始办理").ClickAsync();
        await Expect(counter.CurrentStatus).ToHaveTextAsync("办理中");
        await Expect(counter.Page.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new Regex(@"^0:0\d$"));
        await counter.Button("办结").ClickAsync();
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");
    }

    [Fact]
    public async Task Shortcuts_F1ToF6_CallRecallStartFinishNoShow()
    {
        using var api = hall.Http();
        var first = await IssueAsync(api, "社保参保登记");
        var second = await IssueAsync(api, "医保业务");

        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff2", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(3);
        await Expect(counter.WaitingCount).ToHaveTextAsync("共 2 人");
        await Expect(counter.Button("呼叫下一位")).ToContainTextAsync("F1");

        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(first);
        await Expect(counter.WaitingCount).ToHaveTextAsync("共 1 人");
        await counter.Page.Keyboard.PressAsync("F2");
        await Expect(counter.CurrentTicket).ToContainTextAsync("已重呼 1 次");
        await counter.Page.Keyboard.PressAsync("F3");
        await Expect(counter.CurrentStatus).ToHaveTextAsync("办理中");
        await counter.Page.Keyboard.PressAsync("F4");
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");

        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(second);
        await counter.Page.Keyboard.PressAsync("F6");
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");
        await Expect(counter.WaitingCount).ToHaveTextAsync("共 0 人");

        // Nobody left: F1 says so; F4 without a ticket says so too, in Chinese.
        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.Notice).ToHaveTextAsync("当前没有等候本窗口的号票。");
        await counter.Page.Keyboard.PressAsync("F4");
        await Expect(counter.Error).ToHaveTextAsync("窗口当前没有号票，无法执行此操作。");
    }

    [Fact]
    public async Task WaitingList_TicketIssuedElsewhere_AppearsWithoutReload()
    {
        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff3", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(5);
        await Expect(counter.WaitingCount).ToHaveTextAsync("共 0 人");

        using var api = hall.Http();
        var number = await IssueAsync(api, "户籍办理");

        await Expect(counter.Waiting(number)).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(counter.WaitingCount).ToHaveTextAsync("共 1 人");
    }

    private async Task<string> IssueAsync(HttpClient api, string itemName)
    {
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var itemId = items!.First(i => i!["name"]!.GetValue<string>() == itemName)!["id"]!.GetValue<Guid>();
        var response = await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }
}
