using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Halls;

public class HallClockTests
{
    private readonly HallClock _shanghai = new("Asia/Shanghai");
    // Defaults: opens 09:00, closes 17:00, issuing stops 16:30 (local).
    private readonly Hall _hall = new() { Name = "测试大厅" };

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    // ---- business day ---------------------------------------------------------------------

    [Fact]
    public void BusinessDay_UtcAfternoonIsNextLocalDay_LocalDate()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), _shanghai.BusinessDay(Utc(11, 23, 17)));
    }

    [Theory]
    [InlineData(15, 59, 59, 23)] // 23:59:59 local
    [InlineData(16, 0, 0, 24)] // local midnight
    [InlineData(23, 59, 59, 24)]
    [InlineData(0, 0, 0, 23)] // UTC midnight is 08:00 local, same day
    public void BusinessDay_AroundLocalMidnight_ChangesAtSixteenUtc(int hour, int minute, int second, int expectedDay)
    {
        Assert.Equal(new DateOnly(2026, 11, expectedDay), _shanghai.BusinessDay(Utc(11, 23, hour, minute, second)));
    }

    [Fact]
    public void BusinessDay_AcrossYearEnd_NewYearLocally()
    {
        Assert.Equal(new DateOnly(2027, 1, 1), _shanghai.BusinessDay(Utc(12, 31, 16)));
    }

    [Fact]
    public void ToLocal_Shanghai_EightHoursAhead()
    {
        Assert.Equal(new DateTime(2026, 11, 24, 1, 0, 0), _shanghai.ToLocal(Utc(11, 23, 17)));
        Assert.Equal(new TimeOnly(1, 0), _shanghai.LocalTime(Utc(11, 23, 17)));
    }

    [Fact]
    public void Constructor_UnknownZone_FallsBackToUtc()
    {
        var clock = new HallClock("Not/AZone");

        Assert.Equal(new DateOnly(2026, 11, 23), clock.BusinessDay(Utc(11, 23, 17)));
        Assert.Equal(new TimeOnly(17, 0), clock.LocalTime(Utc(11, 23, 17)));
    }

    // ---- issue window (now the availability rule over a working day's schedule) ---------------

    private static readonly ItemFacts AnyItem = new(null, null, null, 0, 1);

    private UnavailableReason? IssueAt(Hall hall, DateTime utc) =>
        ItemAvailability.Check(OpeningHours.For(hall, _shanghai.BusinessDay(utc), true, null), _shanghai.LocalTime(utc), AnyItem);

    [Theory]
    [InlineData(0, 0, UnavailableReason.NotYetOpen)] // 08:00 local
    [InlineData(0, 59, UnavailableReason.NotYetOpen)] // 08:59 local
    [InlineData(1, 0, null)] // exactly 09:00 opening
    [InlineData(4, 0, null)] // 12:00
    [InlineData(8, 29, null)] // 16:29
    [InlineData(8, 30, UnavailableReason.AfterCutoff)] // exactly 16:30 cut-off
    [InlineData(8, 45, UnavailableReason.AfterCutoff)] // 16:45, counters still serving
    [InlineData(9, 0, UnavailableReason.AfterCutoff)] // 17:00 closing
    [InlineData(15, 59, UnavailableReason.AfterCutoff)] // 23:59
    [InlineData(16, 0, UnavailableReason.NotYetOpen)] // 00:00 next local day
    public void IssueAt_LocalTimeOfDay_NotYetOpenOpenClosed(int utcHour, int utcMinute, UnavailableReason? expected)
    {
        Assert.Equal(expected, IssueAt(_hall, Utc(3, 2, utcHour, utcMinute)));
    }

    [Fact]
    public void IssueAt_OneSecondAroundBoundaries_Exact()
    {
        Assert.Equal(UnavailableReason.NotYetOpen, IssueAt(_hall, Utc(3, 2, 0, 59, 59)));
        Assert.Null(IssueAt(_hall, Utc(3, 2, 8, 29, 59)));
        Assert.Equal(UnavailableReason.AfterCutoff, IssueAt(_hall, Utc(3, 2, 8, 30, 0)));
    }

    [Fact]
    public void IssueAt_HallHours_UsesTheHallsOwnTimes()
    {
        var hall = new Hall { Name = "医院", OpensAt = new TimeOnly(7, 30), IssueCutoff = new TimeOnly(11, 0), ClosesAt = new TimeOnly(12, 0) };

        Assert.Equal(UnavailableReason.NotYetOpen, IssueAt(hall, _shanghai.ToUtc(new DateOnly(2026, 3, 2), new TimeOnly(7, 29))));
        Assert.Null(IssueAt(hall, _shanghai.ToUtc(new DateOnly(2026, 3, 2), new TimeOnly(7, 30))));
        Assert.Equal(UnavailableReason.AfterCutoff, IssueAt(hall, _shanghai.ToUtc(new DateOnly(2026, 3, 2), new TimeOnly(11, 0))));
    }

    // ---- service hours --------------------------------------------------------------------

    [Theory]
    [InlineData(8, 59, 59, false)]
    [InlineData(9, 0, 0, true)]
    [InlineData(12, 0, 0, true)]
    [InlineData(16, 30, 0, true)] // after the issue cut-off, still serving
    [InlineData(16, 59, 59, true)]
    [InlineData(17, 0, 0, false)]
    [InlineData(23, 0, 0, false)]
    [InlineData(0, 0, 0, false)]
    public void InService_LocalTime_FromOpeningUntilClosing(int hour, int minute, int second, bool expected)
    {
        var schedule = OpeningHours.For(_hall, new DateOnly(2026, 3, 2), true, null);

        Assert.Equal(expected, schedule.InService(new TimeOnly(hour, minute, second)));
    }

    // ---- ToUtc ----------------------------------------------------------------------------

    [Fact]
    public void ToUtc_LocalOpening_EightHoursEarlierInUtc()
    {
        var utc = _shanghai.ToUtc(new DateOnly(2026, 11, 24), new TimeOnly(9, 0));

        Assert.Equal(Utc(11, 24, 1), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_LocalEarlyMorning_PreviousUtcDay()
    {
        Assert.Equal(Utc(11, 23, 17), _shanghai.ToUtc(new DateOnly(2026, 11, 24), new TimeOnly(1, 0)));
    }

    [Fact]
    public void ToUtc_StartOfBusinessDay_BelongsToThatDayAndSecondBeforeDoesNot()
    {
        var day = new DateOnly(2026, 11, 24);
        var start = _shanghai.ToUtc(day, TimeOnly.MinValue);

        Assert.Equal(day, _shanghai.BusinessDay(start));
        Assert.Equal(day.AddDays(-1), _shanghai.BusinessDay(start.AddTicks(-1)));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("UTC")]
    [InlineData("Asia/Urumqi")]
    public void ToUtc_RoundTrip_BusinessDayAndLocalTimeRecovered(string zone)
    {
        var clock = new HallClock(zone);
        var random = new Random(2026);
        for (var i = 0; i < 500; i++)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 730));
            var time = new TimeOnly(random.Next(0, 24), random.Next(0, 60), random.Next(0, 60));

            var utc = clock.ToUtc(day, time);

            Assert.Equal(day, clock.BusinessDay(utc));
            Assert.Equal(time, clock.LocalTime(utc));
            Assert.Equal(utc, clock.ToUtc(clock.BusinessDay(utc), clock.LocalTime(utc)));
        }
    }
}
