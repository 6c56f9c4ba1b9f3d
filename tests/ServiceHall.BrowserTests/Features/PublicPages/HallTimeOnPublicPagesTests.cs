using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// P4: the light pages show the hall's time (Asia/Shanghai in the demo), not the zone of the browser that shows
/// them — here a browser set to New York, twelve or thirteen hours away.
/// </summary>
public sealed class HallTimeOnPublicPagesTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task PhoneAndDisplay_BrowserInAnotherZone_ShowTheHallsTime()
    {
        using var http = hall.Http();
        var items = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var issued = await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
            new { serviceItemId = items![0]!["id"]!.GetValue<string>(), priority = "normal" });
        issued.EnsureSuccessStatusCode();
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var issuedAt = ticket["issuedAt"]!.GetValue<DateTime>();

        var phone = await PageInNewYorkAsync(360, 740);
        await phone.GotoAsync($"/t/{ticket["id"]}");
        await Expect(phone.Locator("#issued")).ToHaveTextAsync(ShanghaiTime(issuedAt));

        var display = await LoginAsDisplayAsync();
        var clock = await display.Locator("#clock").TextContentAsync();
        var now = DateTime.UtcNow;
        Assert.Contains(clock, new[] { ShanghaiTime(now.AddMinutes(-1)), ShanghaiTime(now), ShanghaiTime(now.AddMinutes(1)) });
    }

    private static string ShanghaiTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "Asia/Shanghai").ToString("HH:mm");

    private async Task<IPage> PageInNewYorkAsync(int width, int height)
    {
        var context = await hall.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hall.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "America/New_York",
        });
        return await context.NewPageAsync();
    }

    private async Task<IPage> LoginAsDisplayAsync()
    {
        var page = await PageInNewYorkAsync(1920, 1080);
        await Pages.LoginPage.SignedInAsync(page, "display1", $"/display/{hall.HallId}");
        await page.Locator("body[data-connection=connected]").WaitForAsync();
        await Expect(page.Locator("#clock")).Not.ToBeEmptyAsync();
        return page;
    }
}
