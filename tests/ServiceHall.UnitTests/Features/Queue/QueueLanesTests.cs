using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

public class QueueLanesTests
{
    public static TheoryData<TicketPriority> PriorityClasses =>
        [TicketPriority.Elderly, TicketPriority.Disabled, TicketPriority.Military, TicketPriority.Pregnant];

    [Fact]
    public void Rank_Emergency_Zero()
    {
        Assert.Equal(0, QueueLanes.Rank(TicketPriority.Emergency));
    }

    [Theory]
    [MemberData(nameof(PriorityClasses))]
    public void Rank_OtherPriorityClasses_OneSharedLane(TicketPriority priority)
    {
        Assert.Equal(1, QueueLanes.Rank(priority));
    }

    [Fact]
    public void Rank_Normal_Two()
    {
        Assert.Equal(2, QueueLanes.Rank(TicketPriority.Normal));
    }

    [Fact]
    public void AheadOf_Emergency_OnlyEmergency()
    {
        Assert.Equal([TicketPriority.Emergency], QueueLanes.AheadOf(TicketPriority.Emergency));
    }

    [Theory]
    [MemberData(nameof(PriorityClasses))]
    public void AheadOf_PriorityClass_AllPriorityClassesAndEmergencyNotNormal(TicketPriority priority)
    {
        Assert.Equal(
            [TicketPriority.Elderly, TicketPriority.Disabled, TicketPriority.Military, TicketPriority.Pregnant, TicketPriority.Emergency],
            QueueLanes.AheadOf(priority).Order());
    }

    [Fact]
    public void AheadOf_Normal_EveryPriority()
    {
        Assert.Equal(Enum.GetValues<TicketPriority>().Order(), QueueLanes.AheadOf(TicketPriority.Normal).Order());
    }

    [Fact]
    public void AheadOf_AnyPriority_IncludesItsOwnClass()
    {
        Assert.All(Enum.GetValues<TicketPriority>(), p => Assert.Contains(p, QueueLanes.AheadOf(p)));
    }
}
