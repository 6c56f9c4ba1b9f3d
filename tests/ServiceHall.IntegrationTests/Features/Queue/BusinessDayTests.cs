using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Queue;

/// <summary>Q7: the hall's real day — calendar, weekday hours, lunch, item hours and quotas, and the day's end.</summary>
public abstract class BusinessDayTests(HallApp app)
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");

    /// <summary>Moves the clock forward to the next given weekday and local time (the clock never goes back).</summary>
    private void At(DayOfWeek day, int hour, int minute = 0)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var date = Shanghai.BusinessDay(now);
        while (true)
        {
            var target = Shanghai.ToUtc(date, new TimeOnly(hour, minute));
            if (date.DayOfWeek == day && target > now)
            {
                app.Clock.Advance(target - now);
                return;
            }
            date = date.AddDays(1);
        }
    }

    private async Task<DayEndResult> EndDayAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EndBusinessDay>().HandleAsync(hallId, CancellationToken.None);
    }

    private async Task<JsonObject> ItemAsync(Guid hallId, Guid itemId)
    {
        var items = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/service-items");
        return items.Single(i => i!["id"]!.GetValue<Guid>() == itemId);
    }

    private Task<HttpResponseMessage> TryIssueAsync(Guid hallId, Guid itemId, string? language = null) =>
        app.Api().PostAsync($"/api/halls/{hallId}/tickets", new { serviceItemId = itemId }, language);

    private Task AddCalendarDayAsync(Guid hallId, DateOnly date, CalendarDayKind kind, string name) => app.WithDbAsync(async db =>
    {
        db.HallCalendarDays.Add(new HallCalendarDay
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Date = date, Kind = kind, Name = name,
            UpdatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedByUserId = Guid.NewGuid(),
        });
        await db.SaveChangesAsync();
    });

    /// <summary>A hall of ordinary weekdays 08:30–17:30, issuing until 17:00.</summary>
    private static void OfficeHours(Hall h)
    {
        h.WeekdayHours = [];
        h.OpensAt = new TimeOnly(8, 30);
        h.ClosesAt = new TimeOnly(17, 30);
        h.IssueCutoff = new TimeOnly(17, 0);
    }

    // ---- the day's end -------------------------------------------------------------------------

    [Fact]
    public async Task EndDay_AtClosingPlusGrace_WaitingAndCalledExpireCountedAndDayCloses()
    {
        At(DayOfWeek.Tuesday, 16, 0);
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            OfficeHours(h);
            h.DayEndGraceMinutes = 30;
        });
        var kiosk = app.Api();
        var served = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var called = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], served.Id, "start");
        await staff.ActAsync(hall.Counters[0], served.Id, "finish");
        Assert.Equal(called.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);

        // 17:59: closing (17:30) plus 30 minutes has not passed yet.
        app.Clock.Advance(TimeSpan.FromMinutes(117));
        Assert.Equal(0, (await EndDayAsync(hall.Id)).Expired);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        // Two nodes scanning at once: the tickets expire once, the day closes once.
        var results = await Task.WhenAll(EndDayAsync(hall.Id), EndDayAsync(hall.Id));

        Assert.Equal(2, results.Sum(r => r.Expired));
        Assert.Equal([Shanghai.BusinessDay(app.Clock.GetUtcNow().UtcDateTime)], results.SelectMany(r => r.Closed));
        Assert.Equal("expired", (await app.Api().GetTicketAsync(called.Id)).Status);
        Assert.Equal("expired", (await app.Api().GetTicketAsync(waiting.Id)).Status);
        Assert.Equal("done", (await app.Api().GetTicketAsync(served.Id)).Status);
        var events = await app.WithDbAsync(db => db.TicketEvents.CountAsync(e => e.HallId == hall.Id && e.Kind == TicketEventKind.Expired));
        Assert.Equal(2, events);
        var day = await app.WithDbAsync(db => db.BusinessDays.SingleAsync(d => d.HallId == hall.Id));
        Assert.Null(day.ClosedByUserId);
        var dashboard = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/dashboard");
        Assert.Equal(2, dashboard["today"]!["expired"]!.GetValue<int>());
        Assert.Equal(0, dashboard["today"]!["waiting"]!.GetValue<int>());
        var queue = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/queue");
        Assert.All(queue["items"]!.AsArray(), i => Assert.Equal(0, i!["waiting"]!.GetValue<int>()));
    }

    [Fact]
    public async Task NextDay_TicketLeftFromYesterday_NeverCalledAndExpires()
    {
        At(DayOfWeek.Wednesday, 16, 50);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        var yesterday = await app.Api().IssueAsync(hall.Id, hall.Item("A"));
        At(DayOfWeek.Thursday, 9, 0);
        var today = await app.Api().IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        // Before any scan ran: yesterday's ticket is not in today's lane.
        var first = await staff.CallNextAsync(hall.Counters[0]);
        var result = await EndDayAsync(hall.Id);

        Assert.Equal("A001", yesterday.Number);
        Assert.Equal("A001", today.Number);
        Assert.Equal(today.Id, first!.Id);
        Assert.Equal(1, result.Expired);
        Assert.Equal("expired", (await app.Api().GetTicketAsync(yesterday.Id)).Status);
        await staff.ActAsync(hall.Counters[0], today.Id, "start");
        await staff.ActAsync(hall.Counters[0], today.Id, "finish");
        Assert.Null(await staff.CallNextAsync(hall.Counters[0]));
    }

    [Fact]
    public async Task CloseDay_Supervisor_AfterCutoffWithEmptyQueue_ClosedByThem()
    {
        At(DayOfWeek.Tuesday, 17, 5);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        var date = Shanghai.BusinessDay(app.Clock.GetUtcNow().UtcDateTime);

        var response = await app.Api(hall.Supervisor).PostAsync($"/api/halls/{hall.Id}/business-days/{date:yyyy-MM-dd}/close");

        await Expect.StatusAsync(response, HttpStatusCode.NoContent);
        var day = await app.WithDbAsync(db => db.BusinessDays.SingleAsync(d => d.HallId == hall.Id));
        Assert.Equal(await TestHall.UserIdAsync(app, hall.Supervisor), day.ClosedByUserId);
        Assert.Empty((await EndDayAsync(hall.Id)).Closed);
    }

    // ---- the calendar --------------------------------------------------------------------------

    [Fact]
    public async Task Issue_Weekend_HallClosedTodayLocalizedAndShownBeforeATap()
    {
        At(DayOfWeek.Saturday, 10, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);

        var zh = await Expect.ProblemAsync(await TryIssueAsync(hall.Id, hall.Item("A")), HttpStatusCode.Conflict, "HallClosedToday");
        var en = await Expect.ProblemAsync(await TryIssueAsync(hall.Id, hall.Item("A"), "en"), HttpStatusCode.Conflict, "HallClosedToday");

        Assert.Contains("今日休息", zh["detail"]!.GetValue<string>());
        Assert.Contains("closed today", en["detail"]!.GetValue<string>());
        Assert.Equal("hallClosedToday", (await ItemAsync(hall.Id, hall.Item("A")))["unavailable"]!.GetValue<string>());
        var halls = await app.Api().GetOkAsync<List<JsonObject>>("/api/halls");
        var today = halls.Single(h => h["id"]!.GetValue<Guid>() == hall.Id)["today"]!;
        Assert.False(today["open"]!.GetValue<bool>());
        Assert.Equal("hallClosedToday", today["issuing"]!.GetValue<string>());
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));
    }

    [Fact]
    public async Task Issue_StatutoryHolidayOnAWeekday_HallClosedToday()
    {
        At(DayOfWeek.Monday, 10, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        await AddCalendarDayAsync(hall.Id, Shanghai.BusinessDay(app.Clock.GetUtcNow().UtcDateTime), CalendarDayKind.DayOff, "元旦");

        await Expect.ProblemAsync(await TryIssueAsync(hall.Id, hall.Item("A")), HttpStatusCode.Conflict, "HallClosedToday");
    }

    [Fact]
    public async Task Issue_MakeUpWorkdayOnASunday_Issued()
    {
        At(DayOfWeek.Sunday, 10, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        await AddCalendarDayAsync(hall.Id, Shanghai.BusinessDay(app.Clock.GetUtcNow().UtcDateTime), CalendarDayKind.MakeUpWorkday, "调休上班");

        var ticket = await app.Api().IssueAsync(hall.Id, hall.Item("A"));

        Assert.Equal("A001", ticket.Number);
    }

    // ---- lunch, item hours, quotas ------------------------------------------------------------

    [Fact]
    public async Task Issue_LunchBreakWhereIssuingPauses_RefusedUntilItEnds()
    {
        At(DayOfWeek.Tuesday, 12, 10);
        var pausing = await TestHall.CreateAsync(app, configure: h =>
        {
            OfficeHours(h);
            (h.LunchStartsAt, h.LunchEndsAt, h.IssueDuringLunch) = (new TimeOnly(12, 0), new TimeOnly(13, 30), false);
        });
        var goingOn = await TestHall.CreateAsync(app, configure: h =>
        {
            OfficeHours(h);
            (h.LunchStartsAt, h.LunchEndsAt, h.IssueDuringLunch) = (new TimeOnly(12, 0), new TimeOnly(13, 30), true);
        });

        var refused = await Expect.ProblemAsync(await TryIssueAsync(pausing.Id, pausing.Item("A")), HttpStatusCode.Conflict, "LunchBreak");
        Assert.Contains("13:30", refused["detail"]!.GetValue<string>());
        Assert.Equal("lunchBreak", (await ItemAsync(pausing.Id, pausing.Item("A")))["unavailable"]!.GetValue<string>());
        // Where issuing goes on, the item is offered over lunch; its tickets wait for the afternoon.
        Assert.Null((await ItemAsync(goingOn.Id, goingOn.Item("A")))["unavailable"]);
        Assert.Equal("A001", (await app.Api().IssueAsync(goingOn.Id, goingOn.Item("A"))).Number);

        app.Clock.Advance(TimeSpan.FromMinutes(80));
        Assert.Equal("A001", (await app.Api().IssueAsync(pausing.Id, pausing.Item("A"))).Number);
    }

    [Fact]
    public async Task Issue_OutsideItemHours_NotServedNow()
    {
        At(DayOfWeek.Tuesday, 14, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        await app.WithDbAsync(async db =>
        {
            var item = await db.ServiceItems.SingleAsync(i => i.Id == hall.Item("A"));
            (item.ServedFrom, item.ServedUntil) = (new TimeOnly(8, 30), new TimeOnly(11, 30));
            await db.SaveChangesAsync();
        });

        var problem = await Expect.ProblemAsync(await TryIssueAsync(hall.Id, hall.Item("A")), HttpStatusCode.Conflict, "ItemNotServedNow");

        Assert.Contains("11:30", problem["detail"]!.GetValue<string>());
        Assert.Equal("notServedNow", (await ItemAsync(hall.Id, hall.Item("A")))["unavailable"]!.GetValue<string>());
        Assert.Equal("B001", (await app.Api().IssueAsync(hall.Id, hall.Item("B"))).Number);
    }

    [Fact]
    public async Task Issue_DailyQuota_ExactlyTheQuotaIssuedThenQuotaReached()
    {
        At(DayOfWeek.Tuesday, 10, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        await app.WithDbAsync(async db =>
        {
            (await db.ServiceItems.SingleAsync(i => i.Id == hall.Item("A"))).DailyQuota = 5;
            await db.SaveChangesAsync();
        });
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        Assert.Null((await ItemAsync(hall.Id, hall.Item("A")))["unavailable"]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => TryIssueAsync(hall.Id, hall.Item("A"))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await Expect.ProblemAsync(refused, HttpStatusCode.Conflict, "QuotaReached");
        Assert.Equal(5, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.ServiceItemId == hall.Item("A"))));
        Assert.Equal("quotaReached", (await ItemAsync(hall.Id, hall.Item("A")))["unavailable"]!.GetValue<string>());

        // The quota is per day.
        At(DayOfWeek.Wednesday, 10, 0);
        Assert.Equal("A001", (await app.Api().IssueAsync(hall.Id, hall.Item("A"))).Number);
    }

    [Fact]
    public async Task ServiceItems_NoCounterInServiceForTheItem_NoCounterOpenAndNoEstimate()
    {
        At(DayOfWeek.Tuesday, 10, 0);
        var hall = await TestHall.CreateAsync(app, configure: OfficeHours);
        Task SetInServiceAsync(bool inService) => app.WithDbAsync(db =>
            db.Counters.Where(c => c.HallId == hall.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.InService, inService)));
        await SetInServiceAsync(false);
        var closed = await ItemAsync(hall.Id, hall.Item("A"));
        await SetInServiceAsync(true);
        await app.Api().IssueAsync(hall.Id, hall.Item("A"));
        var open = await ItemAsync(hall.Id, hall.Item("A"));

        Assert.Equal("noCounterOpen", closed["unavailable"]!.GetValue<string>());
        Assert.Null(closed["estimatedWaitMinutes"]);
        Assert.Null(open["unavailable"]);
        // One waiting, five minutes each, shared by the hall's two counters.
        Assert.Equal(3, open["estimatedWaitMinutes"]!.GetValue<int>());
    }

    // ---- alerts -------------------------------------------------------------------------------

    private async Task<bool> UnstaffedAlertAsync(Guid hallId)
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, CancellationToken.None);
        return await app.WithDbAsync(db => db.Alerts.AnyAsync(a => a.HallId == hallId && a.ClearedAt == null
            && a.Kind == AlertKind.CounterUnstaffed));
    }

    [Fact]
    public async Task UnstaffedAlert_OnlyInAttendedHoursOfWorkingDays()
    {
        At(DayOfWeek.Saturday, 10, 0);
        var hall = await TestHall.CreateAsync(app, counters: 1, configure: h =>
        {
            OfficeHours(h);
            (h.LunchStartsAt, h.LunchEndsAt) = (new TimeOnly(12, 0), new TimeOnly(13, 30));
        });
        Assert.False(await UnstaffedAlertAsync(hall.Id)); // a weekend

        At(DayOfWeek.Monday, 7, 0);
        Assert.False(await UnstaffedAlertAsync(hall.Id)); // before opening
        At(DayOfWeek.Monday, 10, 0);
        Assert.True(await UnstaffedAlertAsync(hall.Id)); // in hours, nobody there
        At(DayOfWeek.Monday, 12, 30);
        Assert.False(await UnstaffedAlertAsync(hall.Id)); // lunch break: cleared
        At(DayOfWeek.Monday, 13, 32);
        Assert.False(await UnstaffedAlertAsync(hall.Id)); // the grace after lunch
        At(DayOfWeek.Monday, 13, 40);
        Assert.True(await UnstaffedAlertAsync(hall.Id));
        At(DayOfWeek.Monday, 18, 0);
        Assert.False(await UnstaffedAlertAsync(hall.Id)); // after closing
    }

    // ---- transfer ------------------------------------------------------------------------------

    [Fact]
    public async Task Transfer_KeepsTheNumberAndThePlaceByIssueTime()
    {
        At(DayOfWeek.Tuesday, 10, 0);
        var hall = await TestHall.CreateAsync(app, prefixes: ["A", "C"], counters: 0, configure: OfficeHours);
        var (counterA, counterC) = await app.WithDbAsync(async db =>
        {
            var a = new ServiceHall.Core.Features.Counters.Counter { Id = Guid.CreateVersion7(), HallId = hall.Id, Number = 1, Name = "1号窗口" };
            a.ServiceItems.Add(new ServiceHall.Core.Features.Counters.CounterServiceItem { CounterId = a.Id, ServiceItemId = hall.Item("A") });
            var c = new ServiceHall.Core.Features.Counters.Counter { Id = Guid.CreateVersion7(), HallId = hall.Id, Number = 2, Name = "2号窗口" };
            c.ServiceItems.Add(new ServiceHall.Core.Features.Counters.CounterServiceItem { CounterId = c.Id, ServiceItemId = hall.Item("C") });
            db.Counters.AddRange(a, c);
            await db.SaveChangesAsync();
            return (a.Id, c.Id);
        });
        var kiosk = app.Api();
        var c1 = await kiosk.IssueAsync(hall.Id, hall.Item("C"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var a1 = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var c2 = await kiosk.IssueAsync(hall.Id, hall.Item("C"));
        var staffA = app.Api(hall.Staff[0]);
        var staffC = app.Api(hall.Staff[1]);
        await staffA.OpenAsync(counterA);
        await staffC.OpenAsync(counterC);
        await staffA.CallNextAsync(counterA);

        var moved = await staffA.ActAsync(counterA, a1.Id, "transfer", new { toServiceItemId = hall.Item("C"), reason = "属于C事项" });
        var c3 = await kiosk.IssueAsync(hall.Id, hall.Item("C"));
        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var called = (await staffC.CallNextAsync(counterC))!;
            order.Add(called.Number);
            await staffC.ActAsync(counterC, called.Id, "start");
            await staffC.ActAsync(counterC, called.Id, "finish");
        }

        Assert.Equal("A001", moved.Number);
        Assert.Equal(1, moved.PeopleAhead); // C001 came before; C002 came after A001 was issued
        Assert.Equal(["C001", "A001", "C002", "C003"], order);
        Assert.Equal("C003", c3.Number); // no C number was spent on the transfer
        Assert.Equal((c1.Number, c2.Number), ("C001", "C002"));
    }
}

public sealed class SqliteBusinessDayTests(SqliteHallApp app) : BusinessDayTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresBusinessDayTests(PostgresHallApp app) : BusinessDayTests(app), IClassFixture<PostgresHallApp>;
