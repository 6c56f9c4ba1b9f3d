using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Staffing;

/// <summary>
/// B1 in the browser: the demo hall with eight weeks of weekdays behind it, its staffing plan for next week at
/// 1366×768 in Chinese and English, the target and a planned hour changed on the page. Screenshots
/// staffing-plan-zh.png and staffing-plan-en.png when <c>SERVICEHALL_SCREENSHOTS</c> names a folder.
/// </summary>
public sealed class StaffingPlanPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    /// <summary>Citizens per local hour and item prefix on every weekday of the history.</summary>
    private static readonly Dictionary<int, (string Prefix, int Count)[]> Day = new()
    {
        [9] = [("C", 12), ("A", 4), ("E", 6)],
        [10] = [("C", 24), ("A", 8), ("E", 10), ("H", 10)],
        [11] = [("C", 20), ("A", 6), ("E", 8)],
        [13] = [("C", 8)],
        [14] = [("C", 22), ("A", 6), ("E", 8), ("H", 8)],
        [15] = [("C", 16), ("E", 6)],
        [16] = [("C", 10), ("A", 3)],
        [17] = [("C", 4)],
    };

    private static void Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            page.ScreenshotAsync(new() { Path = Path.Combine(shots, name), FullPage = true }).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Plan_NextWeek_ShortHoursRed_TargetAndPlanEditable_BothLanguages()
    {
        await SeedHistoryAsync();
        var nextMonday = await NextMondayAsync();
        var monday = nextMonday.ToString("yyyy-MM-dd");
        var sunday = nextMonday.AddDays(6).ToString("yyyy-MM-dd");

        var plan = await StaffingPlanPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        await plan.NextWeekAsync();
        // 10:00 on a Monday: 52 citizens over four items need more than the three counters usually open.
        // A week's plan runs its simulations first: allow it the time.
        await Expect(plan.Cell(monday, 10)).ToHaveAttributeAsync("data-state", "short", new() { Timeout = 60_000 });
        await Expect(plan.Cell(monday, 10)).ToHaveAttributeAsync("data-planned", "4");
        await Expect(plan.Cell(sunday, 10)).ToHaveAttributeAsync("data-state", "closed");
        await Expect(plan.Cell(sunday, 10)).ToHaveTextAsync("休息");
        await Expect(plan.Chart.Locator("svg")).ToBeVisibleAsync();
        await Expect(plan.Basis).ToContainTextAsync("80%");
        await Layout.AssertAsync(plan.Page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(plan.Page);
        Shot(plan.Page, "staffing-plan-zh.png");

        // The supervisor plans as many counters as needed for Mondays at 10:00, and the gap closes.
        var needed = int.Parse((await plan.Cell(monday, 10).GetAttributeAsync("data-needed"))!);
        var ten = plan.Planned.GetByLabel("10:00", new() { Exact = true });
        await ten.FillAsync(needed.ToString());
        await plan.Planned.GetByRole(AriaRole.Button, new() { Name = "保存计划" }).ClickAsync();
        await Expect(plan.Page.GetByTestId("planned-saved")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(plan.Cell(monday, 10)).ToHaveAttributeAsync("data-state", "ok", new() { Timeout = 60_000 });
        await Expect(plan.Cell(monday, 10)).ToContainTextAsync("*");

        // An empty target is refused in words, and nothing changes; 90 % is saved and shown.
        var percent = plan.Settings.GetByLabel("目标达标比例（%）");
        await percent.FillAsync("");
        await plan.Settings.GetByRole(AriaRole.Button, new() { Name = "保存目标" }).ClickAsync();
        await Expect(plan.Page.GetByTestId("settings-error")).ToContainTextAsync("目标达标比例");
        await percent.FillAsync("90");
        await plan.Settings.GetByRole(AriaRole.Button, new() { Name = "保存目标" }).ClickAsync();
        await Expect(plan.Basis).ToContainTextAsync("90%", new() { Timeout = 60_000 });

        var english = await hall.NewPageAsync(1366, 768);
        await StaffingPlanPage.OpenAsync(english);
        await english.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await english.Locator("html[lang=en]").WaitForAsync();
        var en = new StaffingPlanPage(english);
        await en.WaitReadyAsync();
        await en.NextWeekAsync();
        await Expect(english.GetByRole(AriaRole.Heading, new() { Name = "Staffing plan" })).ToBeVisibleAsync();
        await Expect(en.Cell(sunday, 10)).ToHaveTextAsync("Closed");
        await Expect(en.Basis).ToContainTextAsync(new Regex("Target: 90% called within 10 minutes"));
        await Layout.AssertAsync(english, LayoutRules.BackOffice);
        Shot(english, "staffing-plan-en.png");
    }

    private async Task<DateOnly> NextMondayAsync()
    {
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var clock = await HallClock.ForHallAsync(db, hall.HallId, default);
        return ServiceHall.Core.Features.Staffing.GetStaffingPlan.NextMonday(clock.BusinessDay(DateTime.UtcNow));
    }

    /// <summary>
    /// Office hours with a lunch break, and eight weeks of weekdays: the citizens of <see cref="Day"/>, served in
    /// their item's expected minutes; counters 1, 3 and 5 open all day and counter 4 from 10:00 to 12:00.
    /// </summary>
    private async Task SeedHistoryAsync()
    {
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var demo = await db.Halls.FirstAsync(h => h.Id == hall.HallId);
        (demo.OpensAt, demo.ClosesAt, demo.IssueCutoff) = (new TimeOnly(9, 0), new TimeOnly(17, 30), new TimeOnly(17, 0));
        (demo.LunchStartsAt, demo.LunchEndsAt) = (new TimeOnly(12, 0), new TimeOnly(13, 30));
        await db.SaveChangesAsync();

        var clock = new HallClock(demo.TimeZoneId);
        var today = clock.BusinessDay(DateTime.UtcNow);
        var calendar = await HallCalendar.LoadAsync(db, hall.HallId, default);
        var items = await db.ServiceItems.Where(i => i.HallId == hall.HallId).ToDictionaryAsync(i => i.Prefix);
        var counters = await db.Counters.Where(c => c.HallId == hall.HallId).ToDictionaryAsync(c => c.Number, c => c.Id);
        var staff = await db.Users.Where(u => u.HallId == hall.HallId && u.BadgeNumber != null).Select(u => u.Id).Take(4).ToListAsync();
        foreach (var day in Enumerable.Range(1, 56).Select(d => today.AddDays(-d))
                     .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.Calendar.IsWorkingDay(d)))
        {
            var sequence = new Dictionary<string, int>();
            foreach (var (hour, arrivals) in Day)
            {
                foreach (var (prefix, count) in arrivals)
                {
                    var item = items[prefix];
                    for (var i = 0; i < count; i++)
                    {
                        var issued = clock.ToUtc(day, new TimeOnly(hour, 60 * i / count));
                        var number = sequence[prefix] = sequence.GetValueOrDefault(prefix) + 1;
                        db.Tickets.Add(new Ticket
                        {
                            Id = Guid.CreateVersion7(), RatingKey = $"h{number}", HallId = hall.HallId, ServiceItemId = item.Id, BusinessDay = day,
                            Sequence = number, Number = $"{prefix}{number:000}", Status = TicketStatus.Done, Channel = TicketChannel.Kiosk,
                            IssuedAt = issued, QueuedAt = issued, CalledAt = issued.AddMinutes(2), StartedAt = issued.AddMinutes(3),
                            FinishedAt = issued.AddMinutes(3 + item.AverageServiceMinutes),
                        });
                    }
                }
            }
            foreach (var (number, from, until, who) in new[] { (1, 9, 17, 0), (3, 9, 17, 1), (5, 9, 17, 2), (4, 10, 12, 3) })
            {
                db.CounterSessions.Add(new CounterSession
                {
                    Id = Guid.CreateVersion7(), HallId = hall.HallId, CounterId = counters[number], UserId = staff[who % staff.Count],
                    OpenedAt = clock.ToUtc(day, new TimeOnly(from, 0)), ClosedAt = clock.ToUtc(day, new TimeOnly(until, 30)),
                });
            }
        }
        await db.SaveChangesAsync();
    }
}
