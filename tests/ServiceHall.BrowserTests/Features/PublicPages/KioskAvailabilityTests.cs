using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.PublicPages;

/// <summary>
/// Q7 and 限号 on the kiosk: an item that cannot be taken is greyed out with its reason before a tap,
/// and on a day off the home screen says so. Writes kiosk-unavailable-zh and kiosk-closed-zh when
/// <c>SERVICEHALL_SCREENSHOTS</c> names a folder.
/// </summary>
public sealed class KioskAvailabilityTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    private async Task WithDbAsync(Func<HallDbContext, Task> action)
    {
        using var scope = hall.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<HallDbContext>());
    }

    [Fact]
    public async Task Kiosk_QuotaReachedItemHoursAndDayOff_GreyedOutWithTheReasonBeforeATap()
    {
        // 不动产登记 has a quota of one, already taken; 综合咨询 is served only in the last half hour of the day.
        DateOnly today = default;
        await WithDbAsync(async db =>
        {
            var demo = await db.Halls.SingleAsync(h => h.Id == hall.HallId);
            var items = await db.ServiceItems.Where(i => i.HallId == hall.HallId).ToListAsync();
            items.Single(i => i.Name == "不动产登记").DailyQuota = 1;
            var consult = items.Single(i => i.Name == "综合咨询");
            (consult.ServedFrom, consult.ServedUntil) = (demo.ClosesAt.AddMinutes(-30), demo.ClosesAt);
            today = new HallClock(demo.TimeZoneId).BusinessDay(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var items = await hall.Http().GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>($"/api/halls/{hall.HallId}/service-items");
        var land = items!.Single(i => i!["name"]!.GetValue<string>() == "不动产登记")!["id"]!.GetValue<Guid>();
        (await hall.Http().PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = land })).EnsureSuccessStatusCode();

        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hall.HallId);

        await Expect(kiosk.Item("不动产登记")).ToBeDisabledAsync();
        await Expect(kiosk.Item("不动产登记")).ToContainTextAsync("今日号已取完");
        await Expect(kiosk.Item("综合咨询")).ToBeDisabledAsync();
        await Expect(kiosk.Item("综合咨询")).ToContainTextAsync("–");
        await Expect(kiosk.Item("户籍办理")).ToBeEnabledAsync();
        await Expect(kiosk.Page.Locator("#day-banner")).ToBeHiddenAsync();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk, "kiosk-unavailable-zh");

        // Today becomes a day off: the home screen says so before anyone taps, and nothing can be taken.
        await WithDbAsync(async db =>
        {
            var day = await db.HallCalendarDays.FirstOrDefaultAsync(d => d.HallId == hall.HallId && d.Date == today);
            if (day is null)
                db.HallCalendarDays.Add(day = new HallCalendarDay { Id = Guid.CreateVersion7(), HallId = hall.HallId, Date = today });
            (day.Kind, day.Name, day.UpdatedAt) = (CalendarDayKind.DayOff, "测试休息日", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var closed = new KioskPage(await hall.NewPageAsync(1280, 800));
        await closed.GotoAsync(hall.HallId);

        await Expect(closed.Page.Locator("#day-banner")).ToContainTextAsync("今日休息");
        await Expect(closed.Item("户籍办理")).ToBeDisabledAsync();
        await Expect(closed.Item("户籍办理")).ToContainTextAsync("今日休息");
        await Layout.AssertAsync(closed.Page, LayoutRules.Touch);
        await SaveAsync(closed, "kiosk-closed-zh");
    }

    private async Task SaveAsync(KioskPage kiosk, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await kiosk.Page.ScreenshotAsync(new() { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
