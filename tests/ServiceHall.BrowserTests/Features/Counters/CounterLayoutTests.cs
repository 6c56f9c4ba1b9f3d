using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Counters;

/// <summary>
/// The counter workstation on the monitors halls have: 4:3 at 1024×768 and 1366×768. Everything visible,
/// nothing overlapping, and no text squeezed into a column one character wide.
/// </summary>
public sealed class CounterLayoutTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    /// <summary>The page's heading for screen readers is clipped to a pixel on purpose.</summary>
    private static readonly LayoutRules Rules = LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] };

    [Theory]
    [InlineData(1024, 768, "staff1", 1)]
    [InlineData(1366, 768, "staff2", 2)]
    public async Task Counter_ServingWithAQueue_FitsTheMonitor(int width, int height, string user, int number)
    {
        await IssueTicketsAsync();
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(width, height), user, "/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        await Layout.AssertAsync(page, Rules);
        await AssertNoCharacterColumnsAsync(page);

        await counter.OpenCounterAsync(number);
        await page.Keyboard.PressAsync("F1");
        await counter.CurrentNumber.WaitForAsync();
        await page.Keyboard.PressAsync("F3");
        await Expect(counter.CurrentStatus).ToHaveTextAsync("办理中");
        await Expect(counter.WaitingList.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await Layout.AssertAsync(page, Rules);
        await AssertNoCharacterColumnsAsync(page);
        if (width == 1024 && Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "counter-1024-zh.png"), FullPage = true });
        await page.Keyboard.PressAsync("F4");
        await page.GetByTestId("counter-header").GetByRole(AriaRole.Button, new() { Name = "关闭窗口" }).ClickAsync();
    }

    /// <summary>
    /// Text broken one character per line: an element whose text runs over three or more lines while its
    /// box is at most two characters wide. Buttons, chips, cells and labels are all checked.
    /// </summary>
    private static async Task AssertNoCharacterColumnsAsync(IPage page)
    {
        var squeezed = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              for (const el of document.querySelectorAll('body *')) {
                if (el.children.length > 0 || !el.textContent.trim()) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || style.display === 'none') continue;
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;
                const size = parseFloat(style.fontSize) || 16;
                const line = parseFloat(style.lineHeight) || size * 1.4;
                if (box.width <= size * 2.2 && box.height >= line * 2.5 && el.textContent.trim().length >= 3)
                  out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
              }
              return out;
            }
            """);
        Assert.True(squeezed.Length == 0, "Text broken one character per line: " + string.Join("; ", squeezed));
    }

    private async Task IssueTicketsAsync()
    {
        using var kiosk = await hall.SignedInAsync("kiosk1");
        var items = await kiosk.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        foreach (var item in items!.Take(3))
        {
            foreach (var priority in new[] { "normal", "elderly", "normal" })
            {
                (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets",
                    new { serviceItemId = item!["id"]!.GetValue<string>(), priority })).EnsureSuccessStatusCode();
            }
        }
    }
}
