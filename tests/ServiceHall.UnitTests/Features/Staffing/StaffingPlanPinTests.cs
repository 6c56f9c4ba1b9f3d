using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

/// <summary>
/// A plan pinned to the figures the planner gave before it was made faster (issue 15): a large hall's day of six
/// items on 60 counters that serve one to three items each, with priority and emergency lanes, no-shows and the
/// fairness rule. Any change to the simulation's draws, its call order or the planner's search moves these.
/// </summary>
public class StaffingPlanPinTests
{
    private static Guid Item(int n) => new($"0000000{n}-0000-0000-0000-000000000000");

    private static readonly int[] Hours = [8, 9, 10, 11, 13, 14, 15, 16];

    private static readonly Dictionary<int, double> Profile = new()
    {
        [8] = 0.45, [9] = 1.0, [10] = 1.2, [11] = 0.9, [13] = 0.6, [14] = 1.1, [15] = 1.0, [16] = 0.5,
    };

    private static List<ItemDemand> Demand(int hour)
    {
        var f = Profile[hour] / 2;
        return
        [
            new(Item(1), 240 * f, 6, NoShowShare: 0.04, PriorityShare: 0.10, EmergencyShare: 0.01, WaitThresholdMinutes: 10),
            new(Item(2), 150 * f, 8, NoShowShare: 0.05, PriorityShare: 0.08, WaitThresholdMinutes: 15),
            new(Item(3), 90 * f, 12, NoShowShare: 0.03, PriorityShare: 0.12, EmergencyShare: 0.02, WaitThresholdMinutes: 20),
            new(Item(4), 60 * f, 5, NoShowShare: 0.06, PriorityShare: 0.05, WaitThresholdMinutes: 10),
            new(Item(5), 30 * f, 20, NoShowShare: 0.02, PriorityShare: 0.15, WaitThresholdMinutes: 30),
            new(Item(6), 12 * f, 15, NoShowShare: 0.04, WaitThresholdMinutes: 15),
        ];
    }

    /// <summary>60 counters: most serve one or two neighbouring items, every fifth a third.</summary>
    private static readonly List<CounterItems> HallCounters = [.. Enumerable.Range(0, 60).Select(c => new CounterItems(
        new Guid(c + 1, 0, 0, new byte[8]),
        c % 5 == 4 ? [Item(c % 6 + 1), Item((c + 1) % 6 + 1), Item((c + 3) % 6 + 1)]
        : c % 2 == 0 ? [Item(c % 6 + 1)]
        : [Item(c % 6 + 1), Item((c + 1) % 6 + 1)]))];

    private static readonly QueuePolicy Interleave = new(PriorityPolicy.Interleave, 3, Fairness: true);
    private static readonly QueuePolicy Strict = new(PriorityPolicy.Strict, 3, Fairness: true);

    /// <summary>Computed with the planner of main at b60e8b4 (before the speed-up).</summary>
    private static readonly Dictionary<int, HourNeed> InterleaveDefaultTarget = new()
    {
        [8] = new(130.95, 26, 20, 0.9011494252873563, false),
        [9] = new(291, 48, 43, 0.8521909744931327, false),
        [10] = new(349.2, 55, 50, 0.8774975433999345, false),
        [11] = new(261.9, 44, 37, 0.8584967320261437, false),
        [13] = new(174.6, 31, 25, 0.88268156424581, false),
        [14] = new(320.1, 51, 47, 0.8738974191440706, false),
        [15] = new(291, 48, 43, 0.8521909744931327, false),
        [16] = new(145.5, 27, 22, 0.9108552631578948, false),
    };

    private static readonly Dictionary<int, HourNeed> StrictNinetyInFive = new()
    {
        [8] = new(130.95, 32, 22, 0.9121975638244618, false),
        [9] = new(291, 54, 48, 0.9146821426189047, false),
        [10] = new(349.2, 62, 62, 0.8910273515677118, true),
        [11] = new(261.9, 50, 44, 0.926584389593062, false),
        [13] = new(174.6, 37, 27, 0.9055961557713484, false),
        [14] = new(320.1, 58, 51, 0.9206910352187834, false),
        [15] = new(291, 54, 48, 0.9146821426189047, false),
        [16] = new(145.5, 33, 24, 0.9391542338373219, false),
    };

    [Fact]
    public void Needed_Interleave_DefaultTarget_AsPinned()
    {
        foreach (var hour in Hours)
            Assert.Equal(InterleaveDefaultTarget[hour], StaffingPlanner.Needed(Demand(hour), HallCounters, Interleave, StaffingTarget.Default, 1.5));
    }

    [Fact]
    public void Needed_Strict_NinetyPercentInFiveMinutes_AsPinned()
    {
        var target = new StaffingTarget(90, 5, 8, true);
        foreach (var hour in Hours)
            Assert.Equal(StrictNinetyInFive[hour], StaffingPlanner.Needed(Demand(hour), HallCounters, Strict, target, 1.5));
    }

    [Fact]
    public void Simulation_PeakOnFiftyTwoCounters_AsPinned()
    {
        var outcome = HallSimulation.Run(new SimulationSetup(Demand(10), [.. HallCounters.Take(52).Select(c => c.ItemIds)],
            new QueuePolicy(PriorityPolicy.Interleave, 2, Fairness: true), 10, Hours: 12, WarmUpHours: 1, Seed: 15, NoShowMinutes: 1.5));

        Assert.Equal(4253, outcome.Measured);
        Assert.Equal(0.6959793087232542, outcome.ShareWithinTarget);
        Assert.Equal(7.824710989414721, outcome.AverageWaitMinutes);
        Assert.Equal(4.850750693983942, outcome.AverageWaitPriorityMinutes);
        Assert.Equal(8.181868191078266, outcome.AverageWaitNormalMinutes);
        Assert.Equal([1, 0.11781609195402298, 0.5129310344827587, 0.9447004608294931, 0.9617021276595744, 1],
            Enumerable.Range(1, 6).Select(n => outcome.ShareWithinTargetByItem[Item(n)]));
    }
}
