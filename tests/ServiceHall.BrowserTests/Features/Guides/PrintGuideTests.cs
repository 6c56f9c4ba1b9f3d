using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Guides;

/// <summary>The counter hands the current citizen the guide of their item in one click (M1, 《办事指南》 at first contact).</summary>
public sealed class PrintGuideTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Counter_CurrentTicket_PrintsItsItemGuide()
    {
        using var api = hall.Http();
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var itemId = items!.First(i => i!["name"]!.GetValue<string>() == "企业开办登记")!["id"]!.GetValue<string>();
        (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" })).EnsureSuccessStatusCode();

        var counter = new CounterPage(await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff1", "/counter"));
        await counter.WaitReadyAsync();
        await counter.OpenCounterAsync(1);
        await counter.Button("呼叫下一位").ClickAsync();
        var print = counter.Page.GetByRole(AriaRole.Link, new() { Name = "打印办事指南" });
        await Expect(print).ToHaveAttributeAsync("href", $"/guide/{hall.HallId}/{itemId}?print=1");
        await Expect(print).ToHaveAttributeAsync("target", "_blank");

        // The guide page opened that way asks the browser to print at once.
        var guide = await hall.NewPageAsync();
        await guide.AddInitScriptAsync("window.print = () => { window.__printed = true; };");
        await guide.GotoAsync((await print.GetAttributeAsync("href"))!);
        await guide.WaitForFunctionAsync("() => window.__printed === true");
        await Expect(guide.GetByRole(AriaRole.Heading, new() { Name = "企业开办登记", Level = 1 })).ToBeVisibleAsync();
    }
}
