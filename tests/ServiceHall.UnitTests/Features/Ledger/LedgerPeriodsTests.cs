using ServiceHall.Core;
using ServiceHall.Core.Features.Ledger;

namespace ServiceHall.UnitTests.Features.Ledger;

public sealed class LedgerPeriodsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-25", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    public void StartOf_Week_IsTheMondayBefore(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), LedgerPeriods.StartOf(DateOnly.Parse(day), LedgerPeriod.Week));

    [Fact]
    public void StartAndEnd_OfMonthAndDay()
    {
        Assert.Equal(new DateOnly(2026, 2, 1), LedgerPeriods.StartOf(new DateOnly(2026, 2, 28), LedgerPeriod.Month));
        Assert.Equal(new DateOnly(2026, 2, 28), LedgerPeriods.EndOf(new DateOnly(2026, 2, 1), LedgerPeriod.Month));
        Assert.Equal(Monday, LedgerPeriods.StartOf(Monday, LedgerPeriod.Day));
        Assert.Equal(Monday.AddDays(6), LedgerPeriods.EndOf(Monday, LedgerPeriod.Week));
    }

    [Fact]
    public void Range_LeftOut_IsThePeriodOfToday()
    {
        var wednesday = Monday.AddDays(2);
        Assert.Equal((wednesday, wednesday), LedgerPeriods.Range(null, null, LedgerPeriod.Day, wednesday));
        Assert.Equal((Monday, wednesday), LedgerPeriods.Range(null, null, LedgerPeriod.Week, wednesday));
        Assert.Equal((new DateOnly(2026, 11, 1), wednesday), LedgerPeriods.Range(null, null, LedgerPeriod.Month, wednesday));
        // A start alone reads its whole period.
        Assert.Equal((new DateOnly(2026, 10, 7), new DateOnly(2026, 10, 31)),
            LedgerPeriods.Range(new DateOnly(2026, 10, 7), null, LedgerPeriod.Month, wednesday));
    }

    [Fact]
    public void Range_BackwardsOrLongerThanAYearAndADay_Refused()
    {
        var backwards = Assert.Throws<DomainException>(() => LedgerPeriods.Range(Monday, Monday.AddDays(-1), LedgerPeriod.Day, Monday));
        Assert.Equal((ErrorCodes.DateOutOfRange, "to"), (backwards.Code, backwards.Field));
        Assert.Equal((Monday, Monday.AddDays(365)), LedgerPeriods.Range(Monday, Monday.AddDays(365), LedgerPeriod.Day, Monday));
        Assert.Throws<DomainException>(() => LedgerPeriods.Range(Monday, Monday.AddDays(366), LedgerPeriod.Day, Monday));
    }
}
