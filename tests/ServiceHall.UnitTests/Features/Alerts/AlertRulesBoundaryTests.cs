using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Alerts;

/// <summary>Limits are measured to the second, not in whole minutes.</summary>
public class AlertRulesBoundaryTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Evaluate_OldestWaitTenAndAHalfMinutes_RaisesWaitTooLong()
    {
        var item = new ItemQueueState(Guid.NewGuid(), 2, Now.AddSeconds(-630), 10, 10);
        var alerts = AlertRules.Evaluate(new Hall { Name = "h" }, Now, true, Now.AddHours(-2), [item], []);
        Assert.Equal(AlertKind.WaitTooLong, Assert.Single(alerts).Kind);
    }

    [Fact]
    public void Evaluate_PausedTenAndAHalfMinutesWithoutSubstitute_RaisesCounterPausedTooLong()
    {
        var counter = new CounterPresence(Guid.NewGuid(), true, true, Now.AddSeconds(-630), false);
        var alerts = AlertRules.Evaluate(new Hall { Name = "h" }, Now, true, Now.AddHours(-2), [], [counter]);
        Assert.Equal(AlertKind.CounterPausedTooLong, Assert.Single(alerts).Kind);
    }
}
