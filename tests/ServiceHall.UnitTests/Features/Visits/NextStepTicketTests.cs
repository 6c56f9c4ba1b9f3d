using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Visits;

namespace ServiceHall.UnitTests.Features.Visits;

public class NextStepTicketTests
{
    private static readonly DateTime Issued = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Payment = Guid.NewGuid();
    private static readonly Guid Pharmacy = Guid.NewGuid();

    private static Ticket Registration() => new()
    {
        Id = Guid.NewGuid(), HallId = Guid.NewGuid(), ServiceItemId = Guid.NewGuid(), BusinessDay = new DateOnly(2026, 3, 2),
        Sequence = 7, Number = "A007", Priority = TicketPriority.Elderly, Channel = TicketChannel.Kiosk, Status = TicketStatus.Done,
        IssuedAt = Issued, QueuedAt = Issued, RatingKey = "key", FinishedAt = Issued.AddMinutes(12),
    };

    [Fact]
    public void From_KeepsNumberPriorityAndRatingKey_WaitsInTheNextItem()
    {
        var first = Registration();
        var next = NextStepTicket.From(first, Payment, Issued.AddMinutes(12));
        Assert.Equal((first.Number, first.Sequence, first.BusinessDay, first.Priority, first.RatingKey, first.HallId),
            (next.Number, next.Sequence, next.BusinessDay, next.Priority, next.RatingKey, next.HallId));
        Assert.Equal((Payment, TicketChannel.NextStep, TicketStatus.Waiting), (next.ServiceItemId, next.Channel, next.Status));
        Assert.Equal(QueueLanes.Rank(TicketPriority.Elderly), next.Lane);
        Assert.NotEqual(first.Id, next.Id);
    }

    [Fact]
    public void From_PlaceByTheVisitsIssueTime_WaitFromTheFinish()
    {
        var next = NextStepTicket.From(Registration(), Payment, Issued.AddMinutes(12));
        Assert.Equal((Issued, Issued), (next.IssuedAt, next.QueuedAt));
        Assert.Equal(Issued.AddMinutes(12), next.ArrivedAt);
    }

    [Fact]
    public void From_ThirdStep_LinkedToTheVisitsFirstTicket()
    {
        var first = Registration();
        var second = NextStepTicket.From(first, Payment, Issued.AddMinutes(12));
        var third = NextStepTicket.From(second, Pharmacy, Issued.AddMinutes(20));
        Assert.Equal(first.Id, second.VisitTicketId);
        Assert.Equal(first.Id, third.VisitTicketId);
        Assert.Equal(Issued, third.QueuedAt);
    }

    [Fact]
    public void QueueOrder_NextStepGoesBeforeWalkInsWhoCameAfterTheVisitBegan()
    {
        // A007 registered at 09:00 and paid by 09:12; B001 and B002 were issued at payment at 09:05 and 09:15.
        var next = NextStepTicket.From(Registration(), Payment, Issued.AddMinutes(12));
        var early = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, Issued.AddMinutes(5), Issued.AddMinutes(5), 10);
        var late = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, Issued.AddMinutes(15), Issued.AddMinutes(15), 10);
        var returning = new QueueCandidate(next.Id, TicketPriority.Normal, next.QueuedAt, next.IssuedAt, 10, Sequence: next.Sequence);
        var policy = new QueuePolicy(PriorityPolicy.Strict, 3, Fairness: true);
        var order = QueueSelector.Order([late, early, returning], policy, Issued.AddMinutes(16)).Select(c => c.Id).ToList();
        Assert.Equal([returning.Id, early.Id, late.Id], order);
    }
}
