using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

/// <summary>Cases found by review: mixed thresholds under fairness, and float error in the estimate.</summary>
public class QueueBoundaryTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Order_OverdueNormalBehindOlderNotOverdueNormal_NotOvertakenByLaterPriority()
    {
        var n1 = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, Now, Now, 30);
        var n2 = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, Now.AddMinutes(1), Now.AddMinutes(1), 5);
        var p = new QueueCandidate(Guid.NewGuid(), TicketPriority.Elderly, Now.AddMinutes(2), Now.AddMinutes(2), 30);
        var order = QueueSelector.Order([n1, n2, p], new QueuePolicy(PriorityPolicy.Strict, 3, true), Now.AddMinutes(10)).ToList();
        Assert.True(order.IndexOf(n2) < order.IndexOf(p));
    }

    [Theory]
    [InlineData(100, 1.1, 10, 11)]
    [InlineData(25, 2.2, 1, 55)]
    [InlineData(30, 8.3, 3, 83)]
    public void EstimateMinutes_ExactProduct_NoExtraMinuteFromRounding(int ahead, double avg, int counters, int expected) =>
        Assert.Equal(expected, WaitEstimator.EstimateMinutes(ahead, avg, counters));
}
