using System.Globalization;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Calendar;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Calendar;

/// <summary>In November of the last shipped year: 10:00 in Shanghai on 11-02.</summary>
public sealed class NovemberHall : ClockedBrowserHall
{
    public static int LastShippedYear => OfficialSchedules.All.Keys.Max();

    protected override DateTimeOffset Start => new(LastShippedYear, 11, 2, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>M5: from November the admin calendar warns that next year's schedule is missing and marks its computed holidays.</summary>
public sealed class ProvisionalCalendarTests(NovemberHall hall) : IClassFixture<NovemberHall>
{
    [Fact]
    public async Task November_NextYearMissing_WarnsAndMarksProvisionalDays()
    {
        var next = NovemberHall.LastShippedYear + 1;
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "admin", "/admin");
        await page.GotoAsync("/admin/calendar");
        await page.Locator("[data-calendar-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync(NovemberHall.LastShippedYear.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("next-year-missing")).ToContainTextAsync($"{next}年国务院放假安排尚未导入");
        await Expect(page.GetByTestId("schedule-unknown")).ToHaveCountAsync(0);

        await page.GetByTestId("show-next-year").ClickAsync();
        await Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync(next.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("schedule-unknown")).ToBeVisibleAsync();
        var springFestival = StatutoryHolidays.SpringFestivalDay(next);
        var day = page.Locator($"[data-date='{springFestival:yyyy-MM-dd}']");
        await Expect(day).ToHaveAttributeAsync("data-source", "provisional");
        await Expect(day).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-cal-provisional"));
        await Expect(day).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("春节 · 推算（暂定）"));
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "admin-calendar-provisional-zh.png"), FullPage = true });

        // An imported schedule ends the warning and the provisional marks.
        await page.GetByTestId("calendar-import").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "schedule.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"date,kind,name\n{next}-01-01,dayOff,元旦\n"),
        });
        await Expect(page.GetByTestId("import-report")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("next-year-missing")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("schedule-unknown")).ToHaveCountAsync(0);
        await Expect(day).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-cal-provisional"));
    }
}
