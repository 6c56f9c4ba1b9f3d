using ServiceHall.Core.Features.Attendance;

namespace ServiceHall.UnitTests.Features.Supervision;

/// <summary>ADR-032: a day of a person who works in two halls counts in exactly one of them.</summary>
public class AttendanceInTwoHallsTests
{
    private static readonly Guid Home = Guid.CreateVersion7();
    private static readonly Guid Other = Guid.CreateVersion7();

    [Fact]
    public void CountsIn_SignedInAtTheOtherHall_CountsThereAndNotAtHome()
    {
        Assert.True(AttendanceRules.CountsIn(Other, signedInHall: Other, homeHall: Home));
        Assert.False(AttendanceRules.CountsIn(Home, signedInHall: Other, homeHall: Home));
    }

    [Fact]
    public void CountsIn_SignedInNowhere_CountsOnlyAtHome()
    {
        Assert.True(AttendanceRules.CountsIn(Home, signedInHall: null, homeHall: Home));
        Assert.False(AttendanceRules.CountsIn(Other, signedInHall: null, homeHall: Home));
    }

    [Fact]
    public void CountsIn_OneHallOnly_AlwaysThatHall()
    {
        Assert.True(AttendanceRules.CountsIn(Home, signedInHall: null, homeHall: null));
        Assert.True(AttendanceRules.CountsIn(Home, signedInHall: Home, homeHall: Home));
    }
}
