using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Staffing;

/// <summary>B1: the staffing plan from weeks of recorded tickets and counter sessions, on both providers with the fake clock.</summary>
public abstract class StaffingPlanTests(HallApp app)
{
    private static Task<TestHall> OfficeHoursHallAsync(HallApp app, int counters = 10) =>
        TestHall.CreateAsync(app, ["A"], counters: counters, configure: h =>
        {
            h.OpensAt = new TimeOnly(9, 0);
            h.ClosesAt = new TimeOnly(17, 0);
            h.IssueCutoff = new TimeOnly(16, 30);
            h.WeekdayHours = [];
        });

    /// <summary>
    /// Each open day of tomorrow's weekday in the last 8 weeks: 60 citizens of item A between 10:00 and 10:59, five
    /// minutes each, and counters 1 and 2 open 9:00–12:00. Returns tomorrow.
    /// </summary>
    private async Task<DateOnly> SeedTuesdaysAsync(TestHall hall)
    {
        var clock = new HallClock("Asia/Shanghai");
        var tomorrow = app.Today.AddDays(1);
        var staff = new[] { await TestHall.UserIdAsync(app, hall.Staff[0]), await TestHall.UserIdAsync(app, hall.Staff[1]) };
        await app.WithDbAsync(async db =>
        {
            var calendar = await HallCalendar.LoadAsync(db, hall.Id, default);
            foreach (var day in Enumerable.Range(1, 8).Select(w => tomorrow.AddDays(-7 * w)).Where(calendar.Calendar.IsWorkingDay))
            {
                for (var i = 0; i < 60; i++)
                {
                    var issued = clock.ToUtc(day, new TimeOnly(10, i));
                    db.Tickets.Add(new Ticket
                    {
                        Id = Guid.CreateVersion7(), RatingKey = $"k{i}", HallId = hall.Id, ServiceItemId = hall.Item("A"), BusinessDay = day,
                        Sequence = i + 1, Number = $"A{i + 1:000}", Status = TicketStatus.Done, Channel = TicketChannel.Kiosk,
                        IssuedAt = issued, QueuedAt = issued, CalledAt = issued.AddMinutes(1), StartedAt = issued.AddMinutes(1),
                        FinishedAt = issued.AddMinutes(6), CounterId = hall.Counters[i % 2],
                    });
                }
                for (var c = 0; c < 2; c++)
                {
                    db.CounterSessions.Add(new CounterSession
                    {
                        Id = Guid.CreateVersion7(), HallId = hall.Id, CounterId = hall.Counters[c], UserId = staff[c],
                        OpenedAt = clock.ToUtc(day, new TimeOnly(9, 0)), ClosedAt = clock.ToUtc(day, new TimeOnly(12, 0)),
                    });
                }
            }
            await db.SaveChangesAsync();
        });
        return tomorrow;
    }

    private static JsonObject Hour(JsonObject plan, int hour) =>
        plan["days"]![0]!["hours"]!.AsArray().Single(h => h!["hour"]!.GetValue<int>() == hour)!.AsObject();

    private static int Int(JsonObject node, string name) => node[name]!.GetValue<int>();

    [Fact]
    public async Task Plan_SeededWeeks_NeededFromTheTargetPlannedFromSessions()
    {
        var hall = await OfficeHoursHallAsync(app);
        var tomorrow = await SeedTuesdaysAsync(hall);
        var supervisor = app.Api(hall.Supervisor);
        var url = $"/api/halls/{hall.Id}/staffing/plan?from={tomorrow:yyyy-MM-dd}&days=1";

        var plan = await supervisor.GetOkAsync<JsonObject>(url);
        Assert.True(plan["days"]![0]!["open"]!.GetValue<bool>());
        Assert.Equal([9, 10, 11, 12, 13, 14, 15, 16], plan["days"]![0]!["hours"]!.AsArray().Select(h => h!["hour"]!.GetValue<int>()));
        var ten = Hour(plan, 10);
        // 60 an hour of 5 minutes is 5 Erlangs: 6 counters call 92 % within 10 minutes, and 5 would never catch up.
        Assert.Equal(60, ten["arrivalsPerHour"]!.GetValue<double>(), 6);
        Assert.Equal(6, Int(ten, "erlangC"));
        Assert.Equal(6, Int(ten, "needed"));
        Assert.Equal(2, Int(ten, "planned"));
        Assert.False(ten["plannedBySupervisor"]!.GetValue<bool>());
        Assert.Equal(-4, Int(ten, "gap"));
        var nine = Hour(plan, 9);
        Assert.Equal(0, Int(nine, "needed"));
        Assert.Equal(2, Int(nine, "planned"));
        Assert.Equal(0, Int(Hour(plan, 14), "planned"));
        Assert.Equal(80, plan["target"]!["targetPercent"]!.GetValue<int>());

        // A stricter target — 90 % within 2 minutes — needs 8 counters at 10:00.
        var settings = await supervisor.PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/staffing/settings",
            new { targetPercent = 90, targetWaitMinutes = 2, historyWeeks = 8 });
        Assert.True(settings["custom"]!.GetValue<bool>());
        Assert.Equal(8, Int(Hour(await supervisor.GetOkAsync<JsonObject>(url), 10), "needed"));

        // The supervisor plans 8 counters for Tuesdays at 10:00: no gap; 9:00 keeps the history's 2.
        await supervisor.PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/staffing/planned-counters",
            new { weekday = tomorrow.DayOfWeek.ToString().ToLowerInvariant(), hours = new[] { new { hour = 10, counters = (int?)8 } } });
        plan = await supervisor.GetOkAsync<JsonObject>(url);
        Assert.Equal(8, Int(Hour(plan, 10), "planned"));
        Assert.True(Hour(plan, 10)["plannedBySupervisor"]!.GetValue<bool>());
        Assert.Equal(0, Int(Hour(plan, 10), "gap"));
        Assert.Equal(2, Int(Hour(plan, 9), "planned"));
    }

    [Fact]
    public async Task Plan_OtherHallsSupervisor_Forbidden_StaffRefused()
    {
        var hall = await OfficeHoursHallAsync(app);
        var other = await OfficeHoursHallAsync(app);
        var url = $"/api/halls/{hall.Id}/staffing/plan";
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync(url), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(other.Supervisor).PutAsync($"/api/halls/{hall.Id}/staffing/settings",
            new { targetPercent = 90, targetWaitMinutes = 2, historyWeeks = 8 })).StatusCode);
        await app.Api(hall.Supervisor).GetOkAsync<JsonObject>(url);
        await app.Api("admin").GetOkAsync<JsonObject>(url);
    }

    [Fact]
    public async Task Plan_WeekendClosed_BadDaysRefused_NothingSavedOnBadSettings()
    {
        var hall = await OfficeHoursHallAsync(app);
        var supervisor = app.Api(hall.Supervisor);
        var saturday = Enumerable.Range(1, 7).Select(app.Today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var plan = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/staffing/plan?from={saturday:yyyy-MM-dd}&days=2");
        Assert.All(plan["days"]!.AsArray(), d =>
        {
            Assert.False(d!["open"]!.GetValue<bool>());
            Assert.Empty(d["hours"]!.AsArray());
        });

        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{hall.Id}/staffing/plan?days=15"), HttpStatusCode.BadRequest, "OutOfRange");
        var refused = await Expect.ProblemAsync(await supervisor.PutAsync($"/api/halls/{hall.Id}/staffing/settings",
            new { targetPercent = 100, targetWaitMinutes = 10, historyWeeks = 8 }), HttpStatusCode.BadRequest, "OutOfRange");
        Assert.Contains("目标达标比例", refused["detail"]!.GetValue<string>());
        await Expect.ProblemAsync(await supervisor.PutAsync($"/api/halls/{hall.Id}/staffing/settings",
            new { targetPercent = 80, targetWaitMinutes = 0, historyWeeks = 8 }, "en"), HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await supervisor.PutAsync($"/api/halls/{hall.Id}/staffing/planned-counters",
            new { weekday = "monday", hours = new[] { new { hour = 24, counters = (int?)1 } } }), HttpStatusCode.BadRequest, "OutOfRange");
        var settings = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/staffing/settings");
        Assert.False(settings["custom"]!.GetValue<bool>());
        Assert.Equal(80, settings["targetPercent"]!.GetValue<int>());
    }
}

public sealed class SqliteStaffingPlanTests(SqliteHallApp app) : StaffingPlanTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStaffingPlanTests(PostgresHallApp app) : StaffingPlanTests(app), IClassFixture<PostgresHallApp>;
