using ServiceHall.Core;
using ServiceHall.Core.Features.Statistics;

namespace ServiceHall.UnitTests.Features.Statistics;

public class StatisticsPeriodTests
{
    [Fact]
    public void Previous_SameLengthJustBefore()
    {
        var period = StatisticsPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Assert.Equal(new StatisticsPeriod(new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 31)), period.Previous);
    }

    [Fact]
    public void Months_CutToThePeriod()
    {
        var months = StatisticsPeriod.Of(new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 3)).Months().ToList();
        Assert.Equal(
        [
            new StatisticsPeriod(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 31)),
            new StatisticsPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
            new StatisticsPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)),
        ], months);
    }

    [Fact]
    public void Of_MissingReversedOrLongerThanAYear_Refused()
    {
        var day = new DateOnly(2026, 11, 23);
        Assert.Equal(("from", ErrorCodes.Required), Refusal(() => StatisticsPeriod.Of(null, day)));
        Assert.Equal(("to", ErrorCodes.Required), Refusal(() => StatisticsPeriod.Of(day, null)));
        Assert.Equal(("to", ErrorCodes.DateOutOfRange), Refusal(() => StatisticsPeriod.Of(day, day.AddDays(-1))));
        Assert.Equal(("to", ErrorCodes.DateOutOfRange), Refusal(() => StatisticsPeriod.Of(day, day.AddDays(StatisticsPeriod.MaxDays))));
        Assert.Equal(StatisticsPeriod.MaxDays, StatisticsPeriod.Of(day, day.AddDays(StatisticsPeriod.MaxDays - 1)).Days);
    }

    private static (string?, string) Refusal(Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        return (e.Field, e.Code);
    }
}
