using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

public class WaitEstimatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void EstimateMinutes_NobodyAhead_Zero(int peopleAhead)
    {
        Assert.Equal(0, WaitEstimator.EstimateMinutes(peopleAhead, 8.0, 2));
    }

    [Fact]
    public void EstimateMinutes_NobodyAheadEvenWithNoCounters_Zero()
    {
        Assert.Equal(0, WaitEstimator.EstimateMinutes(0, 30.0, 0));
    }

    [Theory]
    [InlineData(1, 4.0, 1, 4)]
    [InlineData(10, 3.0, 1, 30)]
    [InlineData(6, 2.0, 3, 4)] // exact division
    [InlineData(7, 2.0, 3, 5)] // 14 / 3 = 4.67 → 5
    [InlineData(1, 4.0, 3, 2)] // 4 / 3 = 1.33 → 2
    [InlineData(5, 2.5, 2, 7)] // 12.5 / 2 = 6.25 → 7
    [InlineData(1, 1.0, 4, 1)] // a quarter minute still shows as one
    public void EstimateMinutes_PeopleAhead_CeilingOfWorkSharedByCounters(int ahead, double average, int counters, int expected)
    {
        Assert.Equal(expected, WaitEstimator.EstimateMinutes(ahead, average, counters));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void EstimateMinutes_NoServingCounters_TreatedAsOne(int counters)
    {
        Assert.Equal(WaitEstimator.EstimateMinutes(3, 5.0, 1), WaitEstimator.EstimateMinutes(3, 5.0, counters));
        Assert.Equal(15, WaitEstimator.EstimateMinutes(3, 5.0, counters));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.49)]
    [InlineData(-4.0)]
    public void EstimateMinutes_TinyAverage_FlooredAtHalfAMinute(double average)
    {
        Assert.Equal(1, WaitEstimator.EstimateMinutes(1, average, 1)); // 0.5 → 1
        Assert.Equal(2, WaitEstimator.EstimateMinutes(3, average, 1)); // 1.5 → 2
        Assert.Equal(5, WaitEstimator.EstimateMinutes(10, average, 1));
        Assert.Equal(3, WaitEstimator.EstimateMinutes(10, average, 2)); // 2.5 → 3
    }

    [Fact]
    public void EstimateMinutes_AverageJustAboveFloor_UsesAverage()
    {
        Assert.Equal(6, WaitEstimator.EstimateMinutes(10, 0.6, 1));
    }

    [Fact]
    public void EstimateMinutes_MoreCounters_NeverLonger()
    {
        for (var counters = 1; counters < 12; counters++)
            Assert.True(WaitEstimator.EstimateMinutes(17, 3.5, counters + 1) <= WaitEstimator.EstimateMinutes(17, 3.5, counters));
    }
}
