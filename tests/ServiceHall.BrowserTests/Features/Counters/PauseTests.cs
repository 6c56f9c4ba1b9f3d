using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Counters;

/// <summary>Q6 pause with a substitute (顶岗), and a refused pause shown in the reader's language.</summary>
public sealed class PauseTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Pause_WithSubstitute_SubstituteServesThenOwnerResumes()
    {
        var owner = await OpenCounterAsync("staff2", 2);
        await owner.Button("暂停服务").ClickAsync();
        var dialog = owner.Dialog("暂停服务");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "临时会议" }).ClickAsync();
        await dialog.GetByLabel("顶岗人员").ClickAsync();
        await owner.Page.GetByRole(AriaRole.Option, new() { Name = "张伟（工号 1003）" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "暂停服务" }).ClickAsync();

        await Expect(owner.State).ToHaveTextAsync("暂停服务: 临时会议");
        await Expect(owner.Header).ToContainTextAsync("顶岗：张伟");
        await Expect(owner.Button("呼叫下一位")).ToBeDisabledAsync();

        using var api = hall.Http();
        var number = await IssueAsync(api, "个体工商户登记");
        // The substitute has no counter of his own: the paused counter is his to operate.
        var substitute = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff3", "/counter"));
        await substitute.WaitReadyAsync();
        await Expect(substitute.Header).ToContainTextAsync("代 李静 顶岗");
        await substitute.Page.Keyboard.PressAsync("F1");
        await Expect(substitute.CurrentNumber).ToHaveTextAsync(number);
        // The owner sees the substitute's call live.
        await Expect(owner.CurrentNumber).ToHaveTextAsync(number);
        await substitute.Page.Keyboard.PressAsync("F3");
        await substitute.Page.Keyboard.PressAsync("F4");
        await Expect(substitute.CurrentTicket).ToContainTextAsync("空闲");

        await owner.Button("恢复服务").ClickAsync();
        await Expect(owner.State).ToHaveTextAsync("服务中");
        await Expect(owner.Button("呼叫下一位")).ToBeEnabledAsync();
        await substitute.Page.ReloadAsync();
        await substitute.WaitReadyAsync();
        await Expect(substitute.Page.GetByRole(AriaRole.Heading, new() { Name = "开启窗口" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pause_WhileTicketAtCounter_RefusedWithLocalizedMessage()
    {
        using var api = hall.Http();
        var number = await IssueAsync(api, "社保参保登记");
        var counter = await OpenCounterAsync("staff1", 4);
        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);

        await counter.Page.Keyboard.PressAsync("F8");
        var dialog = counter.Dialog("暂停服务");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "原因" }).FillAsync("去复印");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "暂停服务" }).ClickAsync();

        await Expect(counter.Error).ToHaveTextAsync($"请先办结或过号当前号票 {number}。");
        await Expect(counter.State).ToHaveTextAsync("服务中");
        await counter.Page.Keyboard.PressAsync("F6");
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");
        await counter.Button("关闭窗口").ClickAsync();
        await Expect(counter.Page.GetByRole(AriaRole.Heading, new() { Name = "开启窗口" })).ToBeVisibleAsync();
    }

    private async Task<CounterPage> OpenCounterAsync(string userName, int number, string landsOn = "/counter")
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), userName, landsOn);
        var counter = new CounterPage(page);
        if (landsOn != "/counter")
            await counter.GotoAsync();
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(number);
        return counter;
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
