using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Supervision;

public abstract class AttendanceTests(HallApp app)
{
    [Fact]
    public async Task Day_SignInOutLateEarlyAbsentAndLeave_InTheDailyReport()
    {
        // Opens 30 minutes from now, closes in 7 hours: due in 20 minutes from now (10 minutes early).
        var now = app.LocalTime;
        var opens = new TimeOnly(now.Hour, now.Minute).AddMinutes(30);
        var hall = await TestHall.CreateAsync(app, staff: 3, configure: h =>
        {
            h.OpensAt = opens;
            h.ClosesAt = opens.AddHours(7);
        });
        var supervisor = app.Api(hall.Supervisor);
        var report = $"/api/halls/{hall.Id}/attendance/daily";

        var early = app.Api(hall.Staff[0]);
        var signedIn = await early.PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.Equal(Iso(app.Today), signedIn.Str("day"));
        await Expect.ProblemAsync(await early.PostAsync("/api/attendance/sign-in"), HttpStatusCode.Conflict, "AlreadySignedIn");
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync("/api/attendance/sign-out"), HttpStatusCode.Conflict, "NotSignedIn");
        var pending = await supervisor.GetOkAsync<JsonObject>(report);
        Assert.True(pending["workingDay"]!.GetValue<bool>());
        Assert.Equal("present", Row(pending, hall.Staff[0]).Str("status"));
        Assert.Equal("pending", Row(pending, hall.Staff[1]).Str("status"));

        var leave = await SupervisionFlows.JsonAsync(await supervisor.PostAsync($"/api/halls/{hall.Id}/attendance/leave", new
        {
            userId = await TestHall.UserIdAsync(app, hall.Staff[2]), from = Iso(app.Today), to = Iso(app.Today.AddDays(1)), kind = "sick", reason = "病假",
        }), HttpStatusCode.Created);
        Assert.Equal("sick", leave.Str("kind"));
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/halls/{hall.Id}/attendance/leave", new
        {
            userId = await TestHall.UserIdAsync(app, hall.Staff[2]), from = Iso(app.Today.AddDays(1)), kind = "annual", reason = "年假",
        }), HttpStatusCode.Conflict, "LeaveOverlaps");

        app.Clock.Advance(TimeSpan.FromMinutes(25)); // 5 minutes past the time to be in
        var late = app.Api(hall.Staff[1]);
        await late.PostOkAsync<JsonObject>("/api/attendance/sign-in");
        app.Clock.Advance(TimeSpan.FromHours(6)); // an hour before closing
        await early.PostOkAsync<JsonObject>("/api/attendance/sign-out");
        await Expect.ProblemAsync(await early.PostAsync("/api/attendance/sign-out"), HttpStatusCode.Conflict, "AlreadySignedOut");
        var me = await early.GetOkAsync<JsonObject>("/api/attendance/me");
        Assert.NotNull(me["signedOutAt"]);

        var day = await supervisor.GetOkAsync<JsonObject>($"{report}?date={Iso(app.Today)}");
        var first = Row(day, hall.Staff[0]);
        Assert.Equal("leftEarly", first.Str("status"));
        Assert.Equal(65, first["earlyLeaveMinutes"]!.GetValue<int>());
        var second = Row(day, hall.Staff[1]);
        Assert.Equal("late", second.Str("status"));
        Assert.Equal(5, second["lateMinutes"]!.GetValue<int>());
        Assert.Equal("onLeave", Row(day, hall.Staff[2]).Str("status"));
        Assert.Equal("sick", Row(day, hall.Staff[2]).Str("leave"));

        app.Clock.Advance(TimeSpan.FromHours(2)); // after closing: the late one never signed out
        var closed = await supervisor.GetOkAsync<JsonObject>(report);
        Assert.True(Row(closed, hall.Staff[1])["missingSignOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RoundTheClockHall_SignInHoursAfterMidnight_PresentNotLate_OthersPendingUntilTheDaysEnd()
    {
        // A hospital with its 24-hour emergency window: open 00:00–23:59, staff come for their shifts.
        var hall = await TestHall.CreateAsync(app, staff: 2, configure: h =>
        {
            h.OpensAt = TimeOnly.MinValue;
            h.ClosesAt = new TimeOnly(23, 59);
        });
        var signedIn = await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.Equal(0, signedIn["lateMinutes"]!.GetValue<int>());

        var report = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily");
        Assert.Equal(("present", 0), (Row(report, hall.Staff[0]).Str("status"), Row(report, hall.Staff[0])["lateMinutes"]!.GetValue<int>()));
        Assert.Equal("pending", Row(report, hall.Staff[1]).Str("status"));
    }

    [Fact]
    public async Task SignIn_WeekdayWithItsOwnHours_LateCountsFromThatDaysOpening()
    {
        // The hall's default opening was 90 minutes ago; today's weekday has its own, 30 minutes from now.
        var now = app.LocalTime;
        var opens = new TimeOnly(now.Hour, now.Minute).AddMinutes(30);
        var hall = await TestHall.CreateAsync(app, staff: 1, configure: h =>
        {
            h.OpensAt = opens.AddHours(-2);
            h.ClosesAt = opens.AddHours(7);
            h.WeekdayHours = [new Core.Features.Halls.WeekdayHours(app.Today.DayOfWeek, false, opens, opens.AddHours(7), opens.AddHours(6))];
        });

        app.Clock.Advance(TimeSpan.FromMinutes(25)); // 5 minutes past the time to be in, 10 minutes before that opening
        await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>("/api/attendance/sign-in");

        var day = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily");
        Assert.Equal("late", Row(day, hall.Staff[0]).Str("status"));
        Assert.Equal(5, Row(day, hall.Staff[0])["lateMinutes"]!.GetValue<int>());
        var me = await app.Api(hall.Staff[0]).GetOkAsync<JsonObject>("/api/attendance/me");
        Assert.Equal(5, me["lateMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task AbsentWhenNotSignedInPastTheTime_AndRolesAndInputs()
    {
        var now = app.LocalTime;
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.OpensAt = new TimeOnly(0, 5);
            h.ClosesAt = new TimeOnly(23, 0);
        });
        var supervisor = app.Api(hall.Supervisor);
        var day = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily");
        var expected = app.Today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "dayOff" : "absent";
        Assert.Equal(expected, Row(day, hall.Staff[0]).Str("status"));
        Assert.True(now > new TimeOnly(0, 5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync("/api/attendance/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("kiosk1").PostAsync("/api/attendance/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync($"/api/halls/{hall.Id}/attendance/daily")).StatusCode);
        var leave = $"/api/halls/{hall.Id}/attendance/leave";
        var user = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await Expect.ProblemAsync(await supervisor.PostAsync(leave, new { userId = user, from = "2026-12-02", to = "2026-12-01", kind = "annual", reason = "x" }),
            HttpStatusCode.BadRequest, "InvalidDate");
        await Expect.ProblemAsync(await supervisor.PostAsync(leave, new { userId = user, from = "2026-12-01", kind = "annual" }),
            HttpStatusCode.BadRequest, "Required");
        await Expect.ProblemAsync(await supervisor.PostAsync(leave, new { userId = Guid.NewGuid(), from = "2026-12-01", kind = "annual", reason = "x" }),
            HttpStatusCode.BadRequest, "UserNotFound");
        await Expect.ProblemAsync(await app.Api("supervisor").GetAsync($"/api/halls/{hall.Id}/attendance/daily"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await app.Api("admin").PostAsync("/api/attendance/sign-in"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SignOutForLunchThenInAgain_FirstInAndLastOutCount_MonthReport()
    {
        var now = app.LocalTime;
        var opens = new TimeOnly(now.Hour, now.Minute).AddMinutes(15);
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.OpensAt = opens;
            h.ClosesAt = opens.AddHours(3);
        });
        var staff = app.Api(hall.Staff[0]);
        var first = await staff.PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.Equal(0, first["lateMinutes"]!.GetValue<int>());
        app.Clock.Advance(TimeSpan.FromHours(1));
        await staff.PostOkAsync<JsonObject>("/api/attendance/sign-out");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var back = await staff.PostOkAsync<JsonObject>("/api/attendance/sign-in");
        Assert.Equal(first.Str("signedInAt"), back.Str("signedInAt"));
        Assert.Null(back["signedOutAt"]);
        Assert.Equal(2, back["signInCount"]!.GetValue<int>());
        Assert.True(back["signedIn"]!.GetValue<bool>());
        await Expect.ProblemAsync(await staff.PostAsync("/api/attendance/sign-in"), HttpStatusCode.Conflict, "AlreadySignedIn");
        app.Clock.Advance(TimeSpan.FromHours(2));
        var last = await staff.PostOkAsync<JsonObject>("/api/attendance/sign-out");
        Assert.False(last["signedIn"]!.GetValue<bool>());

        var supervisor = app.Api(hall.Supervisor);
        var day = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily?date={Iso(app.Today)}");
        Assert.Equal("present", Row(day, hall.Staff[0]).Str("status"));

        var month = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/monthly?year={app.Today.Year}&month={app.Today.Month}");
        var row = Row(month, hall.Staff[0]);
        var days = row["days"]!.AsArray();
        Assert.Equal(app.Today.Day, days.Count);
        Assert.Equal("present", days.Last().Str("status"));
        Assert.Equal(1, row["present"]!.GetValue<int>());
        var absentBefore = days.Take(days.Count - 1).Count(d => d.Str("status") == "absent");
        Assert.Equal(absentBefore, row["absent"]!.GetValue<int>());
        Assert.True(absentBefore > 0);
        Assert.Equal(row["workingDays"]!.GetValue<int>(), days.Count(d => d.Str("status") != "dayOff"));
        Assert.Equal(1, Row(month, hall.Staff[1])["absent"]!.GetValue<int>() - absentBefore);
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{hall.Id}/attendance/monthly?year=2026&month=13"),
            HttpStatusCode.BadRequest, "InvalidDate");
    }

    [Fact]
    public async Task ExpectedOnWorkingDaysOnly_MakeUpDaysCount_NotBeforeTheAccount()
    {
        var hall = await TestHall.CreateAsync(app, configure: h =>
        {
            h.OpensAt = new TimeOnly(9, 0);
            h.ClosesAt = new TimeOnly(17, 0);
        });
        var supervisor = app.Api(hall.Supervisor);
        string Status(JsonObject day, string user) => Row(day, user).Str("status");
        async Task<JsonObject> DayAsync(string date) => await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/daily?date={date}");

        // An account older than these days: 国庆 is a day off, the make-up Sunday 2026-09-20 a working day.
        var holiday = await DayAsync("2026-10-02");
        Assert.False(holiday["workingDay"]!.GetValue<bool>());
        Assert.Equal("dayOff", Status(holiday, hall.Staff[0]));
        var makeUp = await DayAsync("2026-09-20");
        Assert.True(makeUp["workingDay"]!.GetValue<bool>());
        Assert.Equal("absent", Status(makeUp, hall.Staff[0]));

        // An account made today by an administrator is expected from its first due time on, not before.
        var userName = $"u{Guid.NewGuid():N}"[..12];
        await app.Api("admin").PostOkAsync<JsonObject>("/api/admin/users", new
        {
            userName, displayName = userName, badgeNumber = "7001", role = "staff", hallId = hall.Id, password = "Counter#2026",
        });
        Assert.Equal("notExpected", Status(await DayAsync("2026-11-20"), userName));
        Assert.Equal("absent", Status(await DayAsync("2026-11-20"), hall.Staff[0]));
        var month = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/attendance/monthly?year={app.Today.Year}&month={app.Today.Month}");
        // Every earlier day of the month is not expected of the new account; at most today counts.
        var row = Row(month, userName);
        Assert.Equal(0, row["absent"]!.GetValue<int>());
        Assert.True(row["workingDays"]!.GetValue<int>() <= 1);
        Assert.All(row["days"]!.AsArray().Where(d => d.Str("day") != Iso(app.Today)),
            d => Assert.Contains(d.Str("status"), new[] { "notExpected", "dayOff" }));
    }

    private static JsonNode Row(JsonObject report, string userName) =>
        report["staff"]!.AsArray().Single(r => r.Str("name") == userName)!;
}

public sealed class SqliteAttendanceTests(SqliteHallApp app) : AttendanceTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAttendanceTests(PostgresHallApp app) : AttendanceTests(app), IClassFixture<PostgresHallApp>;
