using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>axe on the citizen-facing pages: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task KioskPage_Axe_NoSeriousViolations(string? lang)
    {
        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId, lang);
        await AssertAccessibleAsync(kiosk.Page);

        await kiosk.TakeTicketAsync(lang is null ? "企业开办登记" : "Business registration", lang is null ? "孕妇" : "Pregnant", lang is null ? "确认取号" : "Confirm and take ticket");
        await kiosk.TicketNumber.WaitForAsync();
        await AssertAccessibleAsync(kiosk.Page);
    }

    [Fact]
    public async Task PhonePage_Axe_NoSeriousViolations()
    {
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var response = await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = items![0]!["id"]!.GetValue<string>(), priority = "normal" });
        response.EnsureSuccessStatusCode();
        var ticketId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        var phone = new PhonePage(await hall.NewPageAsync(360, 780));
        await phone.GotoAsync(ticketId);
        await phone.Status.WaitForAsync();
        await AssertAccessibleAsync(phone.Page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
