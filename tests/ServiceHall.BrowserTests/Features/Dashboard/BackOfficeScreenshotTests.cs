using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Dashboard;

/// <summary>
/// Writes the README's screenshots of /dashboard and /admin (zh-CN and en) with a busy demo hall, when
/// <c>SERVICEHALL_SCREENSHOTS</c> names a folder. Without it the test only drives the same screens.
/// </summary>
public sealed class BackOfficeScreenshotTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task DashboardAndAdmin_BusyHall_RenderInBothLanguages()
    {
        await MakeHallBusyAsync();

        foreach (var (lang, width, height) in new[] { ("zh", 1366, 768), ("en", 1366, 768), ("zh", 1920, 1080), ("en", 1920, 1080) })
        {
            var page = await hall.NewPageAsync(width, height);
            var dashboard = await DashboardPage.OpenAsync(page);
            if (lang == "en")
                await SwitchToEnglishAsync(page);
            await Expect(dashboard.QueueRow("A")).ToHaveAttributeAsync("data-colour", "red");
            await Expect(dashboard.Chart.Locator("svg")).ToBeVisibleAsync();
            if (lang == "en")
                await AssertEnglishNamesAsync(dashboard);
            await SaveAsync(page, width == 1366 ? $"dashboard-{lang}" : $"dashboard-{lang}-1920");
        }

        foreach (var lang in new[] { "zh", "en" })
        {
            var page = await hall.NewPageAsync(1366, 768);
            var admin = await AdminPage.OpenAsync(page);
            if (lang == "en")
                await SwitchToEnglishAsync(page);
            var items = lang == "en" ? "Service items" : "事项";
            await admin.OpenTabAsync(items);
            await SaveAsync(page, $"admin-items-{lang}");
            await admin.Button(lang == "en" ? "New service item" : "新建事项").ClickAsync();
            await admin.Field(lang == "en" ? "Ticket prefix" : "号票前缀").FillAsync("A");
            await admin.SaveAsync();
            await Expect(admin.Dialog.Locator(".mud-input-error").First).ToBeVisibleAsync();
            await SaveAsync(page, $"admin-item-dialog-{lang}");
            await admin.CancelAsync();
            await admin.OpenTabAsync(lang == "en" ? "Users and roles" : "用户与角色");
            await SaveAsync(page, $"admin-users-{lang}");
        }
    }

    /// <summary>
    /// Issue 16: the English dashboard names the items in English — the queues, Q5's advice line, the alerts — and no item in
    /// Chinese; the longer names still fit.
    /// </summary>
    private static async Task AssertEnglishNamesAsync(DashboardPage dashboard)
    {
        var page = dashboard.Page;
        await Expect(dashboard.QueueRow("A")).ToContainTextAsync("Business registration");
        await Expect(page.GetByTestId("staffing-advice").Locator("[data-prefix=A]")).ToContainTextAsync("Business registration");
        await Expect(dashboard.Alerts.Filter(new() { HasText = "Business registration" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-updated]")).ToContainTextAsync("Binjiang District Government Service Centre");
        foreach (var chinese in new[] { "企业开办登记", "个体工商户登记", "社保参保登记", "医保业务", "户籍办理", "居住证办理", "不动产登记", "综合咨询" })
            await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync(chinese);
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        // The longer names wrap rather than push the status column out of the table, which would clip it.
        var chip = (await dashboard.QueueRow("A").Locator(".mud-chip").BoundingBoxAsync())!;
        var panel = (await page.Locator(".sh-dash-items .mud-table-container").BoundingBoxAsync())!;
        Assert.True(chip.X + chip.Width <= panel.X + panel.Width, $"status chip ends at {chip.X + chip.Width}, the panel at {panel.X + panel.Width}");
    }

    private static async Task SwitchToEnglishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
        await page.Locator("[data-interactive=yes]").WaitForAsync();
    }

    /// <summary>A morning in the demo hall: queues of every length, counters open, calling, paused.</summary>
    private async Task MakeHallBusyAsync()
    {
        using var http = hall.Http();
        var items = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items"))!
            .ToDictionary(i => i!["prefix"]!.GetValue<string>(), i => i!["id"]!.GetValue<Guid>());
        var counters = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters"))!
            .ToDictionary(c => c!["number"]!.GetValue<int>(), c => c!["id"]!.GetValue<Guid>());
        foreach (var (prefix, count) in new[] { ("A", 16), ("B", 8), ("C", 5), ("D", 3), ("E", 4), ("F", 1), ("G", 6), ("H", 2) })
        {
            for (var i = 0; i < count; i++)
                (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = items[prefix] })).EnsureSuccessStatusCode();
        }
        foreach (var (user, number) in new[] { ("staff1", 1), ("staff2", 3), ("staff3", 5) })
        {
            using var staff = await hall.SignedInAsync(user);
            (await staff.PostAsync($"/api/counters/{counters[number]}/open", null)).EnsureSuccessStatusCode();
            for (var round = 0; round < 2; round++)
            {
                var called = await (await staff.PostAsync($"/api/counters/{counters[number]}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
                var ticket = called!["id"]!.GetValue<Guid>();
                (await staff.PostAsync($"/api/counters/{counters[number]}/tickets/{ticket}/start", null)).EnsureSuccessStatusCode();
                if (round == 0)
                    (await staff.PostAsync($"/api/counters/{counters[number]}/tickets/{ticket}/finish", null)).EnsureSuccessStatusCode();
            }
        }
    }

    private async Task SaveAsync(IPage page, string name)
    {
        // Let the chart and chips settle after the last live update.
        await page.WaitForTimeoutAsync(400);
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
