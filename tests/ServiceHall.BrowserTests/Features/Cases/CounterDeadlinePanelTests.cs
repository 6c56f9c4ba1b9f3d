using Deque.AxeCore.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Cases;

/// <summary>M5 at the counter: the staff member's overdue case is listed on the counter page, linking to the case.</summary>
public sealed class CounterDeadlinePanelTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task OverdueCase_ShownAtTheCounter_WithTheServedTicketsPromise_LinksToTheCase()
    {
        // staff1 serves a ticket of 企业开办登记 (A) at counter 1 and registers and accepts a case for it, through the API.
        var api = await hall.SignedInAsync("staff1");
        var counters = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == "A")!["id"]!.GetValue<Guid>();
        (await api.PostAsync($"/api/counters/{counter}/open", null)).EnsureSuccessStatusCode();
        using var kiosk = hall.Http();
        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item, priority = "normal" })).EnsureSuccessStatusCode();
        var called = await (await api.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
        var guide = await api.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/service-items/{item}/guide");
        var required = guide!["materials"]!.AsArray().Where(m => m!["isRequired"]!.GetValue<bool>()).Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        var registered = await (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/cases", new
        {
            ticketId = called!["id"]!.GetValue<Guid>(), serviceItemId = item, applicantName = "赵敏", applicantIdNumber = "11010519491231002X",
            applicantPhone = "13812345678", receivedMaterialIds = required,
        })).Content.ReadFromJsonAsync<JsonObject>();
        var caseId = registered!["id"]!.GetValue<Guid>();
        var accepted = await (await api.PostAsJsonAsync($"/api/cases/{caseId}/accept", new { })).Content.ReadFromJsonAsync<JsonObject>();
        var number = accepted!["number"]!.GetValue<string>();
        var promised = DateOnly.Parse(accepted["dueDate"]!.GetValue<string>());

        // A second application of the same visit, whose promise ran out two days ago (the real clock cannot wait for it).
        var late = await (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/cases", new
        {
            ticketId = called["id"]!.GetValue<Guid>(), serviceItemId = item, applicantName = "周芷若", applicantIdNumber = "11010519491231002X",
            receivedMaterialIds = required,
        })).Content.ReadFromJsonAsync<JsonObject>();
        var lateId = late!["id"]!.GetValue<Guid>();
        (await api.PostAsJsonAsync($"/api/cases/{lateId}/accept", new { })).EnsureSuccessStatusCode();
        using (var scope = hall.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            var overdue = await db.Cases.FirstAsync(c => c.Id == lateId);
            overdue.DueAt = DateTime.UtcNow.AddDays(-2);
            overdue.DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(-2));
            await db.SaveChangesAsync();
        }
        var lateNumber = late["number"]!.GetValue<string>();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff1", "/counter");
        var counterPage = new CounterPage(page);
        await counterPage.WaitReadyAsync();
        var panel = page.GetByTestId("case-deadlines");
        var row = panel.GetByTestId("deadline-case").Filter(new() { HasText = lateNumber });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-deadline", "Overdue");
        await Expect(row).ToContainTextAsync("已超期");
        await Expect(row).ToContainTextAsync("周*");
        await Expect(row).Not.ToContainTextAsync("周芷若");
        // The served ticket's cases with the promise made at acceptance ("请您x年x月x日来取证件" comes from the same dates).
        var ticketCases = panel.GetByTestId("ticket-cases");
        await Expect(ticketCases).ToContainTextAsync(number);
        await Expect(ticketCases.Locator("tr").Filter(new() { HasText = number }).GetByTestId("ticket-case-due"))
            .ToContainTextAsync(promised.ToString("D", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));

        await AssertAccessibleAsync(panel);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "counter-case-deadlines-zh.png"), FullPage = true });
        await row.GetByRole(AriaRole.Link, new() { Name = lateNumber }).ClickAsync();
        await page.WaitForURLAsync($"**/cases/{lateId}");
        await Expect(page.GetByTestId("case-deadline")).ToHaveTextAsync("已超期");
    }

    /// <summary>axe on this feature's part of the page: no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(ILocator part)
    {
        var result = await part.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
