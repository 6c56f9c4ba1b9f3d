using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Counters;

/// <summary>Q3 transfer (转办): to another item or counter, with a reason, keeping the place in line.</summary>
public sealed class TransferTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Transfer_ToAnotherItem_SameNumberWaitsThereWithReason()
    {
        using var api = hall.Http();
        var number = await IssueAsync(api, "户籍办理");
        var counter = await OpenCounterAsync("staff3", 5);
        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);

        await counter.Page.Keyboard.PressAsync("F7");
        var dialog = counter.Dialog($"转办 {number}");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("目标事项").ClickAsync();
        await counter.Page.GetByRole(AriaRole.Option, new() { Name = "H · 综合咨询" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "不属于本窗口职责" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "转办", Exact = true }).ClickAsync();

        // The citizen keeps the number on their paper (Q3): it waits in the new queue as it is.
        await Expect(counter.Notice).ToContainTextAsync($"号票 {number} 已转办，群众凭原号 {number} 在新队列等候");
        await Expect(counter.CurrentTicket).ToContainTextAsync("空闲");
        var queue = await api.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/queue");
        var consult = queue!["items"]!.AsArray().First(i => i!["prefix"]!.GetValue<string>() == "H")!;
        Assert.Equal(1, consult["waiting"]!.GetValue<int>());

        // Counter 6 serves 综合咨询: the transferred ticket waits there, with its reason.
        var other = await OpenCounterAsync("staff1", 6);
        await Expect(other.Waiting(number)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Transfer_WithoutTargetOrReason_DialogAsksForBoth()
    {
        using var api = hall.Http();
        var number = await IssueAsync(api, "企业开办登记");
        var counter = await OpenCounterAsync("supervisor", 1, landsOn: "/dashboard");
        await counter.Page.Keyboard.PressAsync("F1");
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);

        await counter.Button("转办").ClickAsync();
        var dialog = counter.Dialog($"转办 {number}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "转办", Exact = true }).ClickAsync();

        await Expect(dialog).ToContainTextAsync("请选择转办目标。");
        await Expect(dialog).ToContainTextAsync("请填写原因。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(counter.CurrentNumber).ToHaveTextAsync(number);
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
