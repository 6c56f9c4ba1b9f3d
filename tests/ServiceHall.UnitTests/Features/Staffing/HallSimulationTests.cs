using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

/// <summary>The simulation of the hall: it agrees with Erlang C where Erlang C holds, and sees what it cannot.</summary>
public class HallSimulationTests
{
    private static readonly QueuePolicy Strict = new(PriorityPolicy.Strict, 3, Fairness: true);
    private static readonly Guid A = Guid.Parse("0000000a-0000-0000-0000-000000000000");
    private static readonly Guid B = Guid.Parse("0000000b-0000-0000-0000-000000000000");

    private static IReadOnlyCollection<Guid>[] Counters(int n, params Guid[] items) =>
        Enumerable.Range(0, n).Select(_ => (IReadOnlyCollection<Guid>)items).ToArray();

    /// <summary>
    /// Stated tolerance: over 200,000 simulated citizens of one item on counters of its own (M/M/c), the share
    /// called within the target is within 0.02 of Erlang C's, and the average wait within 15 %.
    /// </summary>
    [Theory]
    [InlineData(100, 3, 7, 2)]
    [InlineData(60, 5, 6, 10)]
    [InlineData(200, 3, 14, 1)]
    public void SingleItem_AgreesWithErlangC(double arrivals, double service, int counters, double target)
    {
        var hours = 200_000 / arrivals;
        var outcome = HallSimulation.Run(new SimulationSetup([new ItemDemand(A, arrivals, service)], Counters(counters, A), Strict, target,
            Hours: hours, WarmUpHours: 2));
        var expected = ErlangC.At(arrivals, service, target, counters);

        Assert.InRange(outcome.Measured, 194_000, 206_000);
        Assert.InRange(outcome.ShareWithinTarget, expected.ServiceLevel - 0.02, expected.ServiceLevel + 0.02);
        Assert.InRange(outcome.AverageWaitMinutes, expected.AverageWaitMinutes * 0.85, expected.AverageWaitMinutes * 1.15);
    }

    [Fact]
    public void PriorityLanes_WaitLessThanNormal()
    {
        var item = new ItemDemand(A, 60, 5, PriorityShare: 0.2, EmergencyShare: 0.02);
        var outcome = HallSimulation.Run(new SimulationSetup([item], Counters(6, A), Strict, 10, Hours: 200));

        Assert.NotNull(outcome.AverageWaitPriorityMinutes);
        Assert.NotNull(outcome.AverageWaitNormalMinutes);
        Assert.True(outcome.AverageWaitPriorityMinutes < outcome.AverageWaitNormalMinutes / 2,
            $"priority {outcome.AverageWaitPriorityMinutes:0.00} min, normal {outcome.AverageWaitNormalMinutes:0.00} min");
    }

    [Fact]
    public void MoreCounters_NeverWorse()
    {
        var items = new[]
        {
            new ItemDemand(A, 50, 6, NoShowShare: 0.1, PriorityShare: 0.15),
            new ItemDemand(B, 30, 4, PriorityShare: 0.05),
        };
        SimulationOutcome? previous = null;
        for (var n = 8; n <= 13; n++)
        {
            // Counters serve both items, the last one only A: several items per counter, and not all alike.
            var counters = Counters(n - 1, A, B).Append([A]).ToArray();
            var outcome = HallSimulation.Run(new SimulationSetup(items, counters, Strict, 10, Hours: 100));
            if (previous is not null)
            {
                Assert.True(outcome.ShareWithinTarget >= previous.ShareWithinTarget, $"{n} counters: {outcome.ShareWithinTarget} < {previous.ShareWithinTarget}");
                Assert.True(outcome.AverageWaitMinutes <= previous.AverageWaitMinutes, $"{n} counters wait longer on average");
            }
            previous = outcome;
        }
    }

    [Fact]
    public void CountersServingBothItems_BeatCountersOfOne()
    {
        var items = new[] { new ItemDemand(A, 25, 6), new ItemDemand(B, 25, 6) };
        var pooled = HallSimulation.Run(new SimulationSetup(items, Counters(6, A, B), Strict, 5, Hours: 200));
        var split = HallSimulation.Run(new SimulationSetup(items, [.. Counters(3, A), .. Counters(3, B)], Strict, 5, Hours: 200));

        Assert.True(pooled.ShareWithinTarget > split.ShareWithinTarget + 0.05, $"pooled {pooled.ShareWithinTarget}, split {split.ShareWithinTarget}");
    }

    [Fact]
    public void NoShows_HoldTheCounterOnlyForTheCall()
    {
        var setup = new SimulationSetup([new ItemDemand(A, 60, 5)], Counters(6, A), Strict, 5, Hours: 200, NoShowMinutes: 1);
        var none = HallSimulation.Run(setup);
        var many = HallSimulation.Run(setup with { Items = [new ItemDemand(A, 60, 5, NoShowShare: 0.3)] });

        Assert.True(many.AverageWaitMinutes < none.AverageWaitMinutes);
    }

    [Fact]
    public void SameSeed_SameOutcome_OtherSeed_OtherCitizens()
    {
        var setup = new SimulationSetup([new ItemDemand(A, 60, 5, PriorityShare: 0.1)], Counters(6, A), Strict, 10, Hours: 20);
        Assert.Equal(HallSimulation.Run(setup).AverageWaitMinutes, HallSimulation.Run(setup).AverageWaitMinutes);
        Assert.NotEqual(HallSimulation.Run(setup).AverageWaitMinutes, HallSimulation.Run(setup with { Seed = 16 }).AverageWaitMinutes);
    }

    [Fact]
    public void ItemNoCounterServes_NotSimulated()
    {
        var outcome = HallSimulation.Run(new SimulationSetup([new ItemDemand(A, 60, 5), new ItemDemand(B, 60, 5)], Counters(6, A), Strict, 10,
            Hours: 10));
        Assert.DoesNotContain(B, outcome.ShareWithinTargetByItem.Keys);
        Assert.Contains(A, outcome.ShareWithinTargetByItem.Keys);
    }
}
