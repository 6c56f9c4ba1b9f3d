using ServiceHall.Core.Features.Attendance;

namespace ServiceHall.UnitTests.Features.Supervision;

public class AttendanceRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly TimeOnly Opens = new(9, 0);
    private static readonly TimeOnly Closes = new(17, 0);

    private static DateTime At(int hour, int minute) => Day.ToDateTime(new TimeOnly(hour, minute));

    private static AttendanceDay Evaluate(DateTime? signedIn, DateTime? signedOut, DateTime now, bool workingDay = true, bool onLeave = false) =>
        AttendanceRules.Evaluate(workingDay, onLeave, Opens, Closes, 10, signedIn, signedOut, now, Day);

    [Fact]
    public void Evaluate_InTenMinutesEarlyOutAtClosing_Present() =>
        Assert.Equal(new AttendanceDay(AttendanceStatus.Present, 0, 0, false), Evaluate(At(8, 50), At(17, 0), At(18, 0)));

    [Fact]
    public void Evaluate_InAtOpening_LateByTheTenMinutesOfTheRule() =>
        Assert.Equal(new AttendanceDay(AttendanceStatus.Late, 10, 0, false), Evaluate(At(9, 0), At(17, 5), At(18, 0)));

    [Fact]
    public void Evaluate_OutBeforeClosing_LeftEarlyWithMinutes() =>
        Assert.Equal(new AttendanceDay(AttendanceStatus.LeftEarly, 0, 30, false), Evaluate(At(8, 40), At(16, 30), At(18, 0)));

    [Fact]
    public void Evaluate_LateAndEarly_Both() =>
        Assert.Equal(AttendanceStatus.LateAndLeftEarly, Evaluate(At(9, 30), At(16, 0), At(18, 0)).Status);

    [Fact]
    public void Evaluate_NoSignInBeforeDue_PendingAfterDue_Absent()
    {
        Assert.Equal(AttendanceStatus.Pending, Evaluate(null, null, At(8, 50)).Status);
        Assert.Equal(AttendanceStatus.Absent, Evaluate(null, null, At(8, 51)).Status);
    }

    [Fact]
    public void Evaluate_StillInAfterClosing_MissingSignOutNotEarly()
    {
        var day = Evaluate(At(8, 45), null, At(17, 30));
        Assert.Equal(AttendanceStatus.Present, day.Status);
        Assert.True(day.MissingSignOut);
        Assert.False(Evaluate(At(8, 45), null, At(16, 0)).MissingSignOut);
    }

    [Fact]
    public void Evaluate_DayOffAndLeave_WinOverEverything()
    {
        Assert.Equal(AttendanceStatus.DayOff, Evaluate(null, null, At(12, 0), workingDay: false).Status);
        Assert.Equal(AttendanceStatus.OnLeave, Evaluate(null, null, At(12, 0), onLeave: true).Status);
    }

    [Theory]
    [InlineData(8, 50, 0, 0)]
    [InlineData(8, 51, 0, 1)]
    [InlineData(9, 0, 0, 10)]
    [InlineData(9, 0, 30, 11)]
    public void LateMinutes_CountedFromTheTimeDueIn_PartMinutesRoundUp(int hour, int minute, int second, int late) =>
        Assert.Equal(late, AttendanceRules.LateMinutes(Day, Opens, Closes, 10, Day.ToDateTime(new TimeOnly(hour, minute, second))));

    [Fact]
    public void LateMinutes_HallWithoutEarlyArrival_DueAtOpening() =>
        Assert.Equal(0, AttendanceRules.LateMinutes(Day, Opens, Closes, 0, At(9, 0)));

    [Fact]
    public void RoundTheClockHall_PresenceOnly_NeitherLateNorEarly_AbsentOnlyOnceTheDayIsOver()
    {
        TimeOnly midnight = TimeOnly.MinValue, dayEnd = new(23, 59);
        AttendanceDay Day24(DateTime? signedIn, DateTime? signedOut, DateTime now) =>
            AttendanceRules.Evaluate(true, false, midnight, dayEnd, 10, signedIn, signedOut, now, Day);

        Assert.Equal(new AttendanceDay(AttendanceStatus.Present, 0, 0, false), Day24(At(7, 50), At(17, 0), At(18, 0)));
        Assert.Equal(AttendanceStatus.Pending, Day24(null, null, At(12, 0)).Status);
        Assert.Equal(AttendanceStatus.Absent, Day24(null, null, Day.AddDays(1).ToDateTime(new TimeOnly(0, 0))).Status);
        Assert.True(Day24(At(20, 0), null, Day.AddDays(1).ToDateTime(new TimeOnly(1, 0))).MissingSignOut);
        Assert.Equal(0, AttendanceRules.LateMinutes(Day, midnight, dayEnd, 10, At(8, 0)));
        // A hall that merely opens at midnight and closes at noon still has a time due in.
        Assert.Equal(490, AttendanceRules.LateMinutes(Day, midnight, new TimeOnly(12, 0), 10, At(8, 0)));
    }

    [Fact]
    public void Evaluate_BeforeTheAccountExisted_NotExpected()
    {
        // Account made at 08:49, before the 08:50 due time: expected today, absent when nobody came.
        Assert.Equal(AttendanceStatus.Absent,
            AttendanceRules.Evaluate(true, false, Opens, Closes, 10, null, null, At(12, 0), Day, At(8, 49)).Status);
        // Made at 11:00: today was already due, nothing is expected until the next working day.
        Assert.Equal(AttendanceStatus.NotExpected,
            AttendanceRules.Evaluate(true, false, Opens, Closes, 10, null, null, At(12, 0), Day, At(11, 0)).Status);
        Assert.Equal(AttendanceStatus.NotExpected,
            AttendanceRules.Evaluate(true, true, Opens, Closes, 10, null, null, At(12, 0), Day, Day.AddDays(3).ToDateTime(TimeOnly.MinValue)).Status);
        // A day off stays a day off, never an absence.
        Assert.Equal(AttendanceStatus.DayOff,
            AttendanceRules.Evaluate(false, false, Opens, Closes, 10, null, null, At(12, 0), Day, Day.AddDays(3).ToDateTime(TimeOnly.MinValue)).Status);
    }
}
