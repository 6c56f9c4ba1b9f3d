using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// Writes the README's screenshots of the public pages (zh-CN and en) with a busy demo hall, when
/// <c>SERVICEHALL_SCREENSHOTS</c> names a folder: <c>SERVICEHALL_SCREENSHOTS=$PWD/docs/screenshots dotnet test …</c>.
/// Without it the test only drives the same screens.
/// </summary>
public sealed class ScreenshotTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task PublicPages_BusyHall_RenderInBothLanguages()
    {
        var tickets = await IssueTicketsAsync();

        foreach (var lang in new[] { "zh", "en" })
        {
            string? query = lang == "en" ? "en" : null;
            var portrait = new KioskPage(await hall.NewPageAsync(1080, 1920));
            await portrait.GotoAsync(hall.HallId, query);
            await SaveAsync(portrait.Page, $"kiosk-portrait-{lang}");

            var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
            await kiosk.GotoAsync(hall.HallId, query);
            await SaveAsync(kiosk.Page, $"kiosk-{lang}");
            await kiosk.Item(lang == "en" ? "Social insurance enrolment" : "社保参保登记").ClickAsync();
            await kiosk.Priority(lang == "en" ? "Elderly" : "老人").ClickAsync();
            await SaveAsync(kiosk.Page, $"kiosk-priority-{lang}");
            await kiosk.Button(lang == "en" ? "Confirm and take ticket" : "确认取号").ClickAsync();
            await kiosk.TicketNumber.WaitForAsync();
            await kiosk.Page.Locator("#ticket-qr").EvaluateAsync("img => img.decode()");
            await SaveAsync(kiosk.Page, $"kiosk-ticket-{lang}");
            // The 80 mm receipt as the printer gets it (print CSS), at about 80 mm of screen width.
            await kiosk.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await kiosk.Page.SetViewportSizeAsync(302, 800);
            await SaveAsync(kiosk.Page, $"receipt-{lang}");

            var phone = new PhonePage(await hall.NewPageAsync(360, 780));
            await phone.GotoAsync(tickets[^1], query);
            await SaveAsync(phone.Page, $"phone-waiting-{lang}");
        }

        var displays = new Dictionary<string, DisplayPage>();
        foreach (var lang in new[] { "zh", "en" })
        {
            var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
            await display.GotoAsync(hall.HallId, lang == "en" ? "en" : null);
            var sound = display.Page.GetByRole(AriaRole.Button, new() { Name = lang == "en" ? "Click here to turn on voice announcements" : "点击此处启用语音播报" });
            if (await sound.IsVisibleAsync())
                await sound.ClickAsync();
            displays[lang] = display;
        }
        var phones = new Dictionary<string, PhonePage>();
        foreach (var lang in new[] { "zh", "en" })
        {
            var phone = new PhonePage(await hall.NewPageAsync(360, 780));
            await phone.GotoAsync(tickets[0], lang == "en" ? "en" : null);
            phones[lang] = phone;
        }

        // Three counters open and call; the first ticket (A001) is called at counter 1.
        for (var n = 1; n <= 3; n++)
        {
            using var staff = await hall.SignedInAsync($"staff{n}");
            var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
            var id = counters!.First(c => c!["number"]!.GetValue<int>() == n)!["id"]!.GetValue<string>();
            (await staff.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
            var call = n == 1
                ? await staff.PostAsJsonAsync($"/api/counters/{id}/tickets/{tickets[0]}/call", new { reason = "演示" })
                : await staff.PostAsync($"/api/counters/{id}/call-next", null);
            call.EnsureSuccessStatusCode();
        }

        foreach (var (lang, display) in displays)
        {
            await Expect(display.RecentCalls(lang == "en" ? "Recent calls" : "最近叫号")).ToHaveCountAsync(3);
            await SaveAsync(display.Page, $"display-{lang}");
        }
        foreach (var (lang, phone) in phones)
        {
            await Expect(phone.CalledNotice).ToBeVisibleAsync();
            await SaveAsync(phone.Page, $"phone-called-{lang}");
        }
    }

    private async Task<List<Guid>> IssueTicketsAsync()
    {
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var ids = new List<Guid>();
        string[] priorities = ["normal", "elderly", "normal", "pregnant", "normal"];
        for (var i = 0; i < items!.Count; i++)
        {
            for (var k = 0; k < 2 + i % 4; k++)
            {
                var response = await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
                    new { serviceItemId = items[i]!["id"]!.GetValue<string>(), priority = priorities[k % priorities.Length] });
                response.EnsureSuccessStatusCode();
                ids.Add(Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>()));
            }
        }
        return ids;
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
