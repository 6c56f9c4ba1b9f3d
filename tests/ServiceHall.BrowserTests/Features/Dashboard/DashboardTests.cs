using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Dashboard;

/// <summary>S8: the supervisor watches queues, counters and alerts change without reloading.</summary>
public sealed class DashboardTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private async Task<Guid> ItemAsync(string prefix)
    {
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        return items!.Single(i => i!["prefix"]!.GetValue<string>() == prefix)!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task MenuClickedBeforeThePageAnswers_OpensTheChosenPage()
    {
        // A manager on a slow network clicks the menu while the page is still the server's first HTML. The circuit's
        // messages wait, in order, until the click has happened, so the click always lands in that window.
        var page = await hall.NewPageAsync(1366, 768);
        var clicked = new TaskCompletionSource();
        var forward = Task.CompletedTask;
        await page.RouteWebSocketAsync("**/_blazor*", ws =>
        {
            var server = ws.ConnectToServer();
            ws.OnMessage(message => forward = forward.ContinueWith(async _ =>
            {
                await clicked.Task;
                if (message.Binary is { } binary) server.Send(binary); else server.Send(message.Text!);
            }).Unwrap());
        });
        await LoginPage.SignedInAsync(page, "supervisor", "/dashboard");
        await page.EvaluateAsync("() => window.__firstDocument = true");
        await page.GetByRole(AriaRole.Link, new() { Name = "首问答复统计" }).ClickAsync();
        await page.WaitForURLAsync("**/supervision/inquiries*");
        clicked.SetResult();

        // The page came in full, with a circuit of its own, and answers.
        await page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("inquiry-report")).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.__firstDocument === true"));
    }

    [Fact]
    public async Task QueuePassesThreshold_ItemTurnsRedWithAlert_WithoutReload()
    {
        var dashboard = await DashboardPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        var row = dashboard.QueueRow("B");
        await Expect(row).ToHaveAttributeAsync("data-colour", "green");
        // Marks the document: a reload would lose it.
        await dashboard.Page.EvaluateAsync("() => window.__sameDocument = true");

        var item = await ItemAsync("B");
        using var http = hall.Http();
        // The demo's threshold is 10 people: amber from 8, red at 11.
        for (var i = 0; i < 8; i++)
            (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item })).EnsureSuccessStatusCode();
        await Expect(row).ToHaveAttributeAsync("data-colour", "amber");
        for (var i = 0; i < 3; i++)
            (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item })).EnsureSuccessStatusCode();

        await Expect(row).ToHaveAttributeAsync("data-colour", "red");
        await Expect(row).ToContainTextAsync("超过阈值");
        var alert = dashboard.Alerts.Filter(new() { HasText = "个体工商户登记" });
        await Expect(alert).ToContainTextAsync("排队 11 人，超过 10 人");
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        // One click to the cause: the item's row.
        await alert.GetByRole(AriaRole.Button, new() { Name = "查看 B 事项" }).ClickAsync();
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-row-highlight"));
        await Expect(row).ToBeFocusedAsync();
    }

    [Fact]
    public async Task CounterOpensAndCalls_CounterRowAndFiguresUpdate()
    {
        var dashboard = await DashboardPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        var counter = dashboard.CounterRows.Filter(new() { HasText = "5号窗口" });
        await Expect(counter).ToContainTextAsync("未开启");

        var item = await ItemAsync("E");
        using var citizen = hall.Http();
        var ticket = await (await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item }))
            .Content.ReadFromJsonAsync<JsonObject>();
        using var staff = await hall.SignedInAsync("staff3");
        var counters = await citizen.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counterId = counters!.Single(c => c!["number"]!.GetValue<int>() == 5)!["id"]!.GetValue<Guid>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();

        await Expect(counter).ToContainTextAsync("服务中");
        await Expect(counter).ToContainTextAsync("张伟 (1003)");
        await Expect(counter).ToContainTextAsync(ticket!["number"]!.GetValue<string>());
        await Expect(dashboard.Chart.Locator("svg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_InEnglish()
    {
        var page = await hall.NewPageAsync(1366, 768);
        var dashboard = await DashboardPage.OpenAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tickets issued and served per hour today" })).ToBeVisibleAsync();
        await Expect(dashboard.Stat("issued")).ToContainTextAsync("Issued today");
    }
}
