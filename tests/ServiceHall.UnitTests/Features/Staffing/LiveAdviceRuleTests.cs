using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

public class LiveAdviceRuleTests
{
    [Fact]
    public void Advise_FourteenWaitingTwoOpen_OneMore()
    {
        // 14 waiting at 2 minutes each: 3 counters call them all within 10 minutes; 30 arrivals an hour need only 2.
        var advice = LiveAdviceRule.Advise(waiting: 14, openCounters: 2, arrivalsPerHour: 30, serviceMinutes: 2, StaffingTarget.Default);
        Assert.Equal(1, advice.MoreCounters);
        Assert.Equal(10, advice.TargetWaitMinutes);
    }

    [Fact]
    public void CountersNeeded_ArrivalsOutgrowTheBacklog_ErlangC() =>
        // 120 arrivals an hour of 5 minutes (10 Erlangs) need 11 counters, whatever the 3 waiting now.
        Assert.Equal(11, LiveAdviceRule.CountersNeeded(3, 120, 5, 10, 0.8));

    [Fact]
    public void CountersNeeded_ExactBacklog_NotRoundedUp() =>
        Assert.Equal(6, LiveAdviceRule.CountersNeeded(12, 0, 5, 10, 0.8));

    [Fact]
    public void Advise_EnoughOpen_NoMore() =>
        Assert.Equal(0, LiveAdviceRule.Advise(12, 8, 30, 5, StaffingTarget.Default).MoreCounters);

    [Fact]
    public void CountersNeeded_Nobody_None() =>
        Assert.Equal(0, LiveAdviceRule.CountersNeeded(0, 0, 5, 10, 0.8));
}
