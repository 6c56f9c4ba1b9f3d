using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

public class StaffingDaysTests
{
    [Fact]
    public void ServiceHours_OpeningToClosing_LunchHourLeftOut()
    {
        var day = new DaySchedule(true, new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(16, 30), new TimeOnly(12, 0), new TimeOnly(13, 30), true);
        Assert.Equal([9, 10, 11, 13, 14, 15, 16], GetStaffingPlan.ServiceHours(day));
    }

    [Fact]
    public void ServiceHours_ClosingMidHour_ThatHourCounts()
    {
        var day = new DaySchedule(true, new TimeOnly(8, 30), new TimeOnly(12, 15), new TimeOnly(12, 0), null, null, true);
        Assert.Equal([8, 9, 10, 11, 12], GetStaffingPlan.ServiceHours(day));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-30")] // Monday: the next one
    [InlineData("2026-11-25", "2026-11-30")]
    [InlineData("2026-11-29", "2026-11-30")] // Sunday: tomorrow
    public void NextMonday_FirstDayOfNextWeek(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), GetStaffingPlan.NextMonday(DateOnly.Parse(today)));
}
