using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>Q8 for supervisors: the day's slots with bookings, check-ins and no-shows.</summary>
public sealed class AppointmentsPageTests(AppointmentMorningHall hall) : IClassFixture<AppointmentMorningHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task Supervisor_SeesTodaysSlotsWithTheirBookings()
    {
        using var integrator = await hall.SignedInAsync("integrator1");
        var items = await integrator.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.Single(i => i!["prefix"]!.GetValue<string>() == "G")!["id"]!.GetValue<Guid>();
        var slots = await integrator.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items/{item}/slots?date=2026-11-24");
        var slot = slots!.Single(s => s!["start"]!.GetValue<string>().Contains("T10:30:00"))!["id"]!.GetValue<Guid>();
        (await integrator.PostAsJsonAsync($"/api/slots/{slot}/bookings",
            new { name = "王芳", phone = "13700137000", idNumber = "11010519491231002X" })).EnsureSuccessStatusCode();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GotoAsync("/supervision/appointments");
        await page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var row = page.GetByTestId("slots").GetByRole(AriaRole.Row).Filter(new() { HasText = "10:30–11:00" });
        await Expect(row).ToContainTextAsync("不动产登记");
        await Expect(row).ToContainTextAsync("4 (0)");
        await Expect(page.GetByTestId("totals")).ToContainTextAsync("预约 1");
        await Expect(page.GetByTestId("no-show-rate")).ToContainTextAsync("—");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        await Layout.AssertCjkRenderedAsync(page);
        if (_folder is not null)
        {
            Directory.CreateDirectory(_folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, "appointments-zh.png") });
        }
    }
}
