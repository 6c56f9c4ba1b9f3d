using Deque.AxeCore.Playwright;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Calendar;

/// <summary>M5: a day off set in /admin/calendar moves a due date, in the page's calculator and for integrators.</summary>
public sealed class AdminCalendarTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static ILocator Input(IPage page, string testId) => page.GetByTestId(testId).Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task DayOffSet_MovesTheDueDate_ClearRestoresIt_BadImportReported()
    {
        // The first Monday of March of the hall's year: no public holiday falls in that week.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        var monday = new DateOnly(today.Year, 3, 1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        string Long(DateOnly d) => d.ToString("D", zh);

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1400, 1000), "admin", "/admin");
        await page.GotoAsync("/admin/calendar");
        await page.Locator("[data-calendar-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await AssertAccessibleAsync(page);

        await Input(page, "calc-from").FillAsync(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Input(page, "calc-days").FillAsync("3");
        await page.GetByTestId("calc-run").ClickAsync();
        await Expect(page.GetByTestId("calc-result")).ToContainTextAsync(Long(monday.AddDays(3)));

        // Wednesday becomes a local day off: three working days now end on Friday.
        var wednesday = monday.AddDays(2);
        await page.Locator($"[data-date='{wednesday:yyyy-MM-dd}']").ClickAsync();
        await Expect(page.GetByTestId("selected-day")).ToHaveTextAsync(Long(wednesday));
        await Input(page, "day-note").FillAsync("本地停电检修");
        await page.GetByTestId("set-day").ClickAsync();
        await Expect(page.Locator($"[data-date='{wednesday:yyyy-MM-dd}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-cal-off"));
        await page.GetByTestId("calc-run").ClickAsync();
        await Expect(page.GetByTestId("calc-result")).ToContainTextAsync(Long(monday.AddDays(4)));
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "admin-calendar-zh.png"), FullPage = true });
        using var http = hall.Http();
        var due = await http.GetFromJsonAsync<JsonObject>(
            $"/api/halls/{hall.HallId}/calendar/due-date?from={monday:yyyy-MM-dd}&workingDays=3");
        Assert.Equal(monday.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due!["dueDate"]!.GetValue<string>());

        // A file with a make-up workday on a Tuesday is refused whole, with the reason, and the calendar stays as it was.
        var tuesday = monday.AddDays(1);
        await page.GetByTestId("calendar-import").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bad.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"date,kind,name\n{tuesday:yyyy-MM-dd},班,测试\n"),
        });
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("bad.csv");
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync(tuesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.Locator($"[data-date='{wednesday:yyyy-MM-dd}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-cal-off"));

        // Clearing the hall's entry restores the ordinary week.
        await page.Locator($"[data-date='{wednesday:yyyy-MM-dd}']").ClickAsync();
        await page.GetByTestId("clear-day").ClickAsync();
        await Expect(page.Locator($"[data-date='{wednesday:yyyy-MM-dd}']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-cal-off"));
        await page.GetByTestId("calc-run").ClickAsync();
        await Expect(page.GetByTestId("calc-result")).ToContainTextAsync(Long(monday.AddDays(3)));
    }

    /// <summary>axe on the page as a person uses it: no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
