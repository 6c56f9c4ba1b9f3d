using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Alerts;

public class AlertRulesTests
{
    // 09:00 Asia/Shanghai on a Monday; the hall opens then.
    private static readonly DateTime Opened = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Opened.AddHours(2);
    private static readonly Guid Item = new("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Counter = new("22222222-2222-2222-2222-222222222222");

    private static Hall NewHall() => new() { Name = "测试大厅", UnstaffedGraceMinutes = 5, MaxPauseMinutesWithoutSubstitute = 10 };

    private static List<AlertCondition> Evaluate(
        IEnumerable<ItemQueueState>? items = null, IEnumerable<CounterPresence>? counters = null,
        DateTime? now = null, bool withinServiceHours = true, DateTime? openedTodayAt = null, Hall? hall = null) =>
        AlertRules.Evaluate(hall ?? NewHall(), now ?? Now, withinServiceHours, openedTodayAt ?? Opened,
            items ?? [], counters ?? []).ToList();

    private static ItemQueueState Queue(int waiting, DateTime? oldest = null, int maxWaiting = 10, int maxWaitMinutes = 10) =>
        new(Item, waiting, oldest, maxWaiting, maxWaitMinutes);

    private static CounterPresence Presence(
        bool inService = true, bool staffed = true, DateTime? pausedAt = null, bool substitute = false) =>
        new(Counter, inService, staffed, pausedAt, substitute);

    // ---- Q5 queue length ------------------------------------------------------------------

    [Fact]
    public void Evaluate_QueueAboveMaxWaiting_RaisesQueueTooLong()
    {
        var alert = Assert.Single(Evaluate([Queue(11, oldest: Now.AddMinutes(-1))]));

        Assert.Equal(AlertKind.QueueTooLong, alert.Kind);
        Assert.Equal(Item, alert.ServiceItemId);
        Assert.Null(alert.CounterId);
        Assert.Equal(11, alert.Value);
        Assert.Equal(10, alert.Threshold);
        Assert.Equal(AlertRules.Key(AlertKind.QueueTooLong, Item), alert.Key);
    }

    [Theory]
    [InlineData(10)] // "超过10人": exactly 10 is not more than 10
    [InlineData(9)]
    [InlineData(1)]
    public void Evaluate_QueueAtOrBelowMaxWaiting_NoQueueTooLong(int waiting)
    {
        Assert.Empty(Evaluate([Queue(waiting, oldest: Now.AddMinutes(-1))]));
    }

    [Fact]
    public void Evaluate_PerItemMaxWaiting_Respected()
    {
        Assert.Empty(Evaluate([Queue(15, oldest: Now, maxWaiting: 15)]));
        Assert.Equal(AlertKind.QueueTooLong, Assert.Single(Evaluate([Queue(4, oldest: Now, maxWaiting: 3)])).Kind);
    }

    // ---- Q5 wait time ---------------------------------------------------------------------

    [Fact]
    public void Evaluate_OldestWaitAboveMaxWaitMinutes_RaisesWaitTooLong()
    {
        var alert = Assert.Single(Evaluate([Queue(2, oldest: Now.AddMinutes(-11))]));

        Assert.Equal(AlertKind.WaitTooLong, alert.Kind);
        Assert.Equal(Item, alert.ServiceItemId);
        Assert.Null(alert.CounterId);
        Assert.Equal(11, alert.Value);
        Assert.Equal(10, alert.Threshold);
        Assert.Equal(AlertRules.Key(AlertKind.WaitTooLong, Item), alert.Key);
    }

    [Fact]
    public void Evaluate_OldestWaitExactlyMaxWaitMinutes_NoWaitTooLong()
    {
        Assert.Empty(Evaluate([Queue(2, oldest: Now.AddMinutes(-10))]));
    }

    [Fact]
    public void Evaluate_LongQueueAndLongWait_RaisesBoth()
    {
        var alerts = Evaluate([Queue(12, oldest: Now.AddMinutes(-25))]);

        Assert.Equal([AlertKind.QueueTooLong, AlertKind.WaitTooLong], alerts.Select(a => a.Kind).Order());
    }

    [Fact]
    public void Evaluate_EmptyQueue_RaisesNothing()
    {
        Assert.Empty(Evaluate([Queue(0, oldest: null)]));
        // A stale oldest time with nobody waiting is not a long wait.
        Assert.Empty(Evaluate([Queue(0, oldest: Now.AddHours(-3))]));
    }

    [Fact]
    public void Evaluate_WaitingWithoutOldestTime_NoWaitTooLong()
    {
        Assert.Empty(Evaluate([Queue(3, oldest: null)]));
    }

    [Fact]
    public void Evaluate_NoItemsNoCounters_RaisesNothing()
    {
        Assert.Empty(Evaluate());
    }

    [Fact]
    public void Evaluate_OutsideServiceHours_QueueAlertsStillRaised()
    {
        // Tickets issued before closing are still served (Q7), so their queue is still watched.
        var alerts = Evaluate([Queue(11, oldest: Now.AddMinutes(-30))], withinServiceHours: false);

        Assert.Equal([AlertKind.QueueTooLong, AlertKind.WaitTooLong], alerts.Select(a => a.Kind).Order());
    }

    [Fact]
    public void Evaluate_SeveralItems_EachJudgedOnItsOwnThresholds()
    {
        var quiet = new ItemQueueState(Guid.NewGuid(), 3, Now.AddMinutes(-2), 10, 10);
        var busy = new ItemQueueState(Guid.NewGuid(), 6, Now.AddMinutes(-2), 5, 10);

        var alert = Assert.Single(Evaluate([quiet, busy]));

        Assert.Equal(busy.ServiceItemId, alert.ServiceItemId);
    }

    // ---- Q6 unstaffed counters ------------------------------------------------------------

    [Fact]
    public void Evaluate_UnstaffedInServiceCounterAfterGrace_RaisesCounterUnstaffed()
    {
        var alert = Assert.Single(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddMinutes(6)));

        Assert.Equal(AlertKind.CounterUnstaffed, alert.Kind);
        Assert.Equal(Counter, alert.CounterId);
        Assert.Null(alert.ServiceItemId);
        Assert.Equal(5, alert.Threshold);
        Assert.Equal(AlertRules.Key(AlertKind.CounterUnstaffed, Counter), alert.Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(4.99)]
    public void Evaluate_UnstaffedCounterWithinGrace_NoAlert(double minutesAfterOpening)
    {
        Assert.Empty(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddMinutes(minutesAfterOpening)));
    }

    [Fact]
    public void Evaluate_UnstaffedCounterExactlyAtGraceEnd_Alerts()
    {
        // As implemented: the grace period is over at opening + grace (>=).
        Assert.Single(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddMinutes(5)));
    }

    [Fact]
    public void Evaluate_UnstaffedCounterOutsideServiceHours_NoAlert()
    {
        Assert.Empty(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddHours(10), withinServiceHours: false));
    }

    [Fact]
    public void Evaluate_UnstaffedCounterOpeningTimeUnknown_NoAlert()
    {
        var alerts = AlertRules.Evaluate(NewHall(), Now, true, null, [], [Presence(staffed: false)]);

        Assert.Empty(alerts);
    }

    [Fact]
    public void Evaluate_GraceFromHall_Respected()
    {
        var hall = NewHall();
        hall.UnstaffedGraceMinutes = 15;

        Assert.Empty(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddMinutes(14), hall: hall));
        Assert.Equal(15, Assert.Single(Evaluate(counters: [Presence(staffed: false)], now: Opened.AddMinutes(16), hall: hall)).Threshold);
    }

    [Fact]
    public void Evaluate_StaffedCounter_NoAlert()
    {
        Assert.Empty(Evaluate(counters: [Presence(staffed: true)]));
    }

    // ---- counters not in service ----------------------------------------------------------

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(true, 60, false)]
    [InlineData(true, 60, true)]
    public void Evaluate_CounterNotInService_NeverAlerts(bool staffed, int pausedMinutesAgo, bool substitute)
    {
        var counter = Presence(inService: false, staffed: staffed,
            pausedAt: pausedMinutesAgo > 0 ? Now.AddMinutes(-pausedMinutesAgo) : null, substitute: substitute);

        Assert.Empty(Evaluate(counters: [counter]));
    }

    // ---- Q6 pauses ------------------------------------------------------------------------

    [Fact]
    public void Evaluate_PausedWithoutSubstituteLongerThanMax_RaisesCounterPausedTooLong()
    {
        var alert = Assert.Single(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-11))]));

        Assert.Equal(AlertKind.CounterPausedTooLong, alert.Kind);
        Assert.Equal(Counter, alert.CounterId);
        Assert.Null(alert.ServiceItemId);
        Assert.Equal(11, alert.Value);
        Assert.Equal(10, alert.Threshold);
        Assert.Equal(AlertRules.Key(AlertKind.CounterPausedTooLong, Counter), alert.Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    public void Evaluate_PausedWithoutSubstituteUpToMax_NoAlert(int minutes)
    {
        Assert.Empty(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-minutes))]));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(120)]
    public void Evaluate_PausedWithSubstitute_NeverAlerts(int minutes)
    {
        Assert.Empty(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-minutes), substitute: true)]));
    }

    [Fact]
    public void Evaluate_PausedTooLongOutsideServiceHours_NoAlert()
    {
        Assert.Empty(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-60))], withinServiceHours: false));
    }

    [Fact]
    public void Evaluate_MaxPauseFromHall_Respected()
    {
        var hall = NewHall();
        hall.MaxPauseMinutesWithoutSubstitute = 30;

        Assert.Empty(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-30))], hall: hall));
        Assert.Equal(30, Assert.Single(Evaluate(counters: [Presence(pausedAt: Now.AddMinutes(-31))], hall: hall)).Threshold);
    }

    // ---- keys -----------------------------------------------------------------------------

    [Fact]
    public void Key_SameKindAndSubject_SameKey()
    {
        Assert.Equal(AlertRules.Key(AlertKind.WaitTooLong, Item), AlertRules.Key(AlertKind.WaitTooLong, new Guid(Item.ToString())));
        Assert.Equal("WaitTooLong:11111111111111111111111111111111", AlertRules.Key(AlertKind.WaitTooLong, Item));
    }

    [Fact]
    public void Key_DifferentKindOrSubject_DifferentKey()
    {
        var keys = new[]
        {
            AlertRules.Key(AlertKind.QueueTooLong, Item),
            AlertRules.Key(AlertKind.WaitTooLong, Item),
            AlertRules.Key(AlertKind.QueueTooLong, Counter),
            AlertRules.Key(AlertKind.CounterUnstaffed, Counter),
            AlertRules.Key(AlertKind.CounterPausedTooLong, Counter),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Evaluate_SameConditionLater_SameKeys()
    {
        // The scan matches open alerts by key, so a condition that persists (and whose value grows)
        // must keep its key, or it would be cleared and raised again on every scan.
        var first = Evaluate([Queue(11, oldest: Opened)], [Presence(pausedAt: Opened.AddMinutes(30))], now: Opened.AddMinutes(50));
        var later = Evaluate([Queue(14, oldest: Opened)], [Presence(pausedAt: Opened.AddMinutes(30))], now: Opened.AddMinutes(70));

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(a => a.Key).Order(), later.Select(a => a.Key).Order());
        Assert.NotEqual(first.Select(a => a.Value), later.Select(a => a.Value));
    }

    [Fact]
    public void Evaluate_ManyItemsAndCounters_KeysUnique()
    {
        var items = Enumerable.Range(0, 5).Select(_ => new ItemQueueState(Guid.NewGuid(), 20, Now.AddMinutes(-30), 10, 10));
        var counters = Enumerable.Range(0, 5).SelectMany(_ => new[]
        {
            new CounterPresence(Guid.NewGuid(), true, false, null, false),
            new CounterPresence(Guid.NewGuid(), true, true, Now.AddMinutes(-30), false),
        });

        var alerts = Evaluate(items.ToList(), counters.ToList());

        Assert.Equal(20, alerts.Count);
        Assert.Equal(alerts.Count, alerts.Select(a => a.Key).Distinct().Count());
    }

    [Fact]
    public void MinutesSince_PartialMinutes_FlooredForDisplay()
    {
        Assert.Equal(0, AlertRules.MinutesSince(Now, Now));
        Assert.Equal(10, AlertRules.MinutesSince(Now.AddSeconds(-659), Now));
        Assert.Equal(11, AlertRules.MinutesSince(Now.AddSeconds(-660), Now));
    }
}
