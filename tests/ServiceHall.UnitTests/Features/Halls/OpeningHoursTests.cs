using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Halls;

public class OpeningHoursTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Saturday = new(2026, 11, 28);

    private static Hall Hall(params WeekdayHours[] weekdays) => new()
    {
        Name = "测试大厅", OpensAt = new(9, 0), ClosesAt = new(17, 0), IssueCutoff = new(16, 30),
        LunchStartsAt = new(12, 0), LunchEndsAt = new(13, 30), WeekdayHours = [.. weekdays],
    };

    [Fact]
    public void For_PlainWeekday_DefaultHoursAndLunch()
    {
        var day = OpeningHours.For(Hall(), Monday, true, null);

        Assert.Equal(new DaySchedule(true, new(9, 0), new(17, 0), new(16, 30), new(12, 0), new(13, 30), true), day);
    }

    [Fact]
    public void For_PlainWeekend_Closed()
    {
        Assert.False(OpeningHours.For(Hall(), Saturday, false, null).Open);
    }

    [Fact]
    public void For_StatutoryHolidayOnAWeekday_Closed()
    {
        Assert.False(OpeningHours.For(Hall(), new DateOnly(2026, 10, 1), false, CalendarDayKind.DayOff).Open);
    }

    [Fact]
    public void For_MakeUpWorkdayOnASaturday_OpenWithTheDefaultHours()
    {
        var day = OpeningHours.For(Hall(), new DateOnly(2026, 10, 10), true, CalendarDayKind.MakeUpWorkday);

        Assert.True(day.Open);
        Assert.Equal(new TimeOnly(9, 0), day.OpensAt);
        Assert.Equal(new TimeOnly(16, 30), day.IssueCutoff);
    }

    [Fact]
    public void For_SaturdayWithHoursOfItsOwn_OpenOnPlainSaturdaysOnly()
    {
        var hall = Hall(new WeekdayHours(DayOfWeek.Saturday, false, new(9, 0), new(12, 0), new(11, 30)));

        var plain = OpeningHours.For(hall, Saturday, false, null);
        var holiday = OpeningHours.For(hall, new DateOnly(2026, 10, 3), false, CalendarDayKind.DayOff);

        Assert.Equal((true, new TimeOnly(12, 0), new TimeOnly(11, 30)), (plain.Open, plain.ClosesAt, plain.IssueCutoff));
        // The lunch break lies outside a morning's hours: none that day.
        Assert.Null(plain.LunchStartsAt);
        Assert.False(holiday.Open);
    }

    [Fact]
    public void For_WeekdayMarkedClosed_ClosedUnlessAMakeUpWorkday()
    {
        var hall = Hall(new WeekdayHours(DayOfWeek.Monday, true));

        Assert.False(OpeningHours.For(hall, Monday, true, null).Open);
        Assert.True(OpeningHours.For(hall, Monday, true, CalendarDayKind.MakeUpWorkday).Open);
    }

    [Fact]
    public void For_WeekdayWithOwnClosingOnly_CutoffIsItsClosing()
    {
        var hall = Hall(new WeekdayHours(DayOfWeek.Friday, false, null, new(15, 0)));

        var friday = OpeningHours.For(hall, new DateOnly(2026, 11, 27), true, null);

        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(15, 0), new TimeOnly(15, 0)), (friday.OpensAt, friday.ClosesAt, friday.IssueCutoff));
    }

    [Theory]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)]
    [InlineData(13, 29, false)]
    [InlineData(13, 30, true)]
    public void InService_LunchBreak_NotAttended(int hour, int minute, bool expected)
    {
        Assert.Equal(expected, OpeningHours.For(Hall(), Monday, true, null).InService(new(hour, minute)));
    }

    [Fact]
    public void ServiceStartedAt_AfterLunch_TheEndOfLunch()
    {
        var day = OpeningHours.For(Hall(), Monday, true, null);

        Assert.Equal(new TimeOnly(9, 0), day.ServiceStartedAt(new(10, 0)));
        Assert.Equal(new TimeOnly(13, 30), day.ServiceStartedAt(new(14, 0)));
    }

    [Fact]
    public void DayEndsAt_ClosingPlusGrace_InUtc()
    {
        var hall = Hall();
        hall.DayEndGraceMinutes = 30;
        var clock = new HallClock("Asia/Shanghai");

        var end = OpeningHours.DayEndsAt(hall, clock, Monday, OpeningHours.For(hall, Monday, true, null));

        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), end);
    }
}
