using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

public class StaffingPlannerTests
{
    private static readonly QueuePolicy Strict = new(PriorityPolicy.Strict, 3, Fairness: true);
    private static readonly Guid A = Guid.Parse("0000000a-0000-0000-0000-000000000000");
    private static readonly Guid B = Guid.Parse("0000000b-0000-0000-0000-000000000000");

    private static List<CounterItems> Counters(int n, params Guid[] items) =>
        Enumerable.Range(0, n).Select(_ => new CounterItems(Guid.NewGuid(), items)).ToList();

    [Fact]
    public void Needed_OneItem_ErlangCConfirmed()
    {
        var need = StaffingPlanner.Needed([new ItemDemand(A, 60, 5)], Counters(10, A), Strict, StaffingTarget.Default, 2);
        Assert.Equal(6, need.ErlangC);
        Assert.Equal(6, need.Needed);
        Assert.False(need.BeyondCounters);
        Assert.True(need.SimulatedShare >= 0.8);
    }

    [Fact]
    public void Needed_CountersServingBothItems_FewerThanErlangCPerItem()
    {
        // Each item alone needs 4 counters (3 Erlangs); 7 counters serving both carry the 6 Erlangs together.
        var demand = new[] { new ItemDemand(A, 30, 6), new ItemDemand(B, 30, 6) };
        var need = StaffingPlanner.Needed(demand, Counters(10, A, B), Strict, StaffingTarget.Default, 2);
        Assert.Equal(8, need.ErlangC);
        Assert.Equal(7, need.Needed);
    }

    [Fact]
    public void Needed_CountersOfOneItemEach_AsErlangCPerItem()
    {
        var demand = new[] { new ItemDemand(A, 30, 6), new ItemDemand(B, 30, 6) };
        var need = StaffingPlanner.Needed(demand, [.. Counters(5, A), .. Counters(5, B)], Strict, StaffingTarget.Default, 2);
        Assert.Equal(8, need.Needed);
    }

    [Fact]
    public void Needed_StricterTarget_MoreCounters()
    {
        var demand = new[] { new ItemDemand(A, 60, 5) };
        var loose = StaffingPlanner.Needed(demand, Counters(12, A), Strict, StaffingTarget.Default, 2);
        var strict = StaffingPlanner.Needed(demand, Counters(12, A), Strict, new StaffingTarget(90, 2, 8, true), 2);
        Assert.Equal(6, loose.Needed);
        Assert.Equal(8, strict.Needed);
    }

    [Fact]
    public void Needed_HallTooSmall_BeyondItsCounters()
    {
        var need = StaffingPlanner.Needed([new ItemDemand(A, 60, 5)], Counters(3, A), Strict, StaffingTarget.Default, 2);
        Assert.True(need.BeyondCounters);
        Assert.Equal(6, need.Needed);
    }

    [Fact]
    public void Needed_NobodyComes_None() =>
        Assert.Equal(HourNeed.None, StaffingPlanner.Needed([new ItemDemand(A, 0, 5)], Counters(3, A), Strict, StaffingTarget.Default, 2));

    [Fact]
    public void Needed_ItemNoCounterServes_CountedOnTop()
    {
        var need = StaffingPlanner.Needed([new ItemDemand(A, 60, 5), new ItemDemand(B, 30, 6)], Counters(10, A), Strict, StaffingTarget.Default, 2);
        Assert.Equal(6 + 4, need.Needed);
    }

    [Fact]
    public void EffectiveService_NoShowsHoldOnlyTheCall() =>
        Assert.Equal(0.8 * 5 + 0.2 * 1, StaffingPlanner.EffectiveService(new ItemDemand(A, 60, 5, NoShowShare: 0.2), 1), 12);

    [Fact]
    public void OpeningOrder_MostLoadedItemsFirst()
    {
        CounterItems onlyB = new(Guid.NewGuid(), [B]), onlyA = new(Guid.NewGuid(), [A]), both = new(Guid.NewGuid(), [A, B]);
        var order = StaffingPlanner.OpeningOrder([new ItemDemand(A, 48, 5), new ItemDemand(B, 12, 5)], [onlyB, onlyA, both], 2);
        Assert.Equal([both, onlyA, onlyB], order);
    }
}
