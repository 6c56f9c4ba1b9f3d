using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Counters;

/// <summary>
/// Writes the README's screenshots of /login and /counter in zh-CN and en at 1366×768 (a counter PC),
/// when <c>SERVICEHALL_SCREENSHOTS</c> names a folder. Without it the test only drives the same screens.
/// </summary>
public sealed class CounterScreenshotTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task LoginAndCounter_BusyHall_RenderInBothLanguages()
    {
        await IssueTicketsAsync();
        var users = new Dictionary<string, (string User, int Counter)> { ["zh"] = ("staff1", 1), ["en"] = ("staff2", 2) };
        foreach (var (lang, (user, number)) in users)
        {
            var page = await hall.NewPageAsync(1366, 768);
            var login = new LoginPage(page);
            await login.GotoAsync();
            if (lang == "en")
                await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = lang == "en" ? "Sign in" : "登录" })).ToBeVisibleAsync();
            await SaveAsync(page, $"login-{lang}");

            await login.SignInAsync(user);
            await page.WaitForURLAsync("**/counter");
            var counter = new CounterPage(page);
            await counter.WaitReadyAsync();
            await SaveAsync(page, $"counter-open-{lang}");
            await page.GetByRole(AriaRole.Button, new() { Name = lang == "en" ? $"Open counter {number}" : $"开启 {number} 号窗口" }).ClickAsync();
            await counter.Header.WaitForAsync();
            await page.Keyboard.PressAsync("F1");
            await counter.CurrentNumber.WaitForAsync();
            await page.Keyboard.PressAsync("F3");
            await Expect(counter.CurrentStatus).ToHaveTextAsync(lang == "en" ? "Being served" : "办理中");
            await page.WaitForTimeoutAsync(1100); // the service timer shows a running second
            await SaveAsync(page, $"counter-{lang}");

            await page.Keyboard.PressAsync("F7");
            await page.GetByRole(AriaRole.Dialog).WaitForAsync();
            await SaveAsync(page, $"counter-transfer-{lang}");
            await page.Keyboard.PressAsync("Escape");
        }
    }

    private async Task IssueTicketsAsync()
    {
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        string[] priorities = ["normal", "elderly", "normal", "pregnant", "normal", "military"];
        foreach (var item in items!.Take(3))
        {
            for (var k = 0; k < priorities.Length; k++)
            {
                var response = await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
                    new { serviceItemId = item!["id"]!.GetValue<string>(), priority = priorities[k] });
                response.EnsureSuccessStatusCode();
            }
        }
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
