using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Counters;

/// <summary>ADR-033: is a counter with hours of its own expected staffed now.</summary>
public class CounterHoursTests
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly Five = new(17, 0);

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    [InlineData(3, 0, false)]
    public void IsExpected_OutpatientHoursInAnAroundTheClockHall(int hour, int minute, bool expected) =>
        Assert.Equal(expected, CounterHours.IsExpected(true, Eight, Five, new TimeOnly(hour, minute)));

    [Fact]
    public void IsExpected_NoHoursOfItsOwn_WheneverTheHallIsInService()
    {
        Assert.True(CounterHours.IsExpected(true, null, null, new TimeOnly(3, 0)));
        Assert.False(CounterHours.IsExpected(false, null, null, new TimeOnly(10, 0)));
        Assert.False(CounterHours.IsExpected(false, Eight, Five, new TimeOnly(10, 0)));
    }

    [Fact]
    public void IsExpected_OneEndOpen_TheOtherIsTheHalls()
    {
        Assert.False(CounterHours.IsExpected(true, Eight, null, new TimeOnly(7, 0)));
        Assert.True(CounterHours.IsExpected(true, Eight, null, new TimeOnly(23, 0)));
        Assert.True(CounterHours.IsExpected(true, null, Five, new TimeOnly(1, 0)));
        Assert.False(CounterHours.IsExpected(true, null, Five, new TimeOnly(18, 0)));
    }

    [Fact]
    public void ExpectedSince_TheLaterOfTheHallsStartAndTheCounters()
    {
        var midnight = new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
        var eight = midnight.AddHours(8);
        Assert.Equal(eight, CounterHours.ExpectedSince(midnight, eight));
        Assert.Equal(eight, CounterHours.ExpectedSince(eight, midnight));
        Assert.Equal(midnight, CounterHours.ExpectedSince(midnight, null));
        Assert.Equal(eight, CounterHours.ExpectedSince(null, eight));
        Assert.Null(CounterHours.ExpectedSince(null, null));
    }

    [Fact]
    public void AlertRules_UnstaffedGrace_RunsFromTheCountersOwnStart()
    {
        var hall = new Hall { Name = "医院", UnstaffedGraceMinutes = 5 };
        var hallStart = new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
        var counterStart = hallStart.AddHours(8);
        var counter = new CounterPresence(Guid.NewGuid(), true, false, null, false, counterStart);
        Assert.Empty(AlertRules.Evaluate(hall, counterStart.AddMinutes(4), true, hallStart, [], [counter]));
        Assert.Equal(AlertKind.CounterUnstaffed,
            Assert.Single(AlertRules.Evaluate(hall, counterStart.AddMinutes(6), true, hallStart, [], [counter])).Kind);
    }
}
