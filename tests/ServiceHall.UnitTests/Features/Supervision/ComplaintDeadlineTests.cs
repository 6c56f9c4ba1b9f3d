using ServiceHall.Core.Features.Complaints;

namespace ServiceHall.UnitTests.Features.Supervision;

public class ComplaintDeadlineTests
{
    private static readonly DateOnly Assign = new(2026, 11, 24);
    private static readonly DateOnly Reply = new(2026, 11, 30);
    private static readonly DateOnly Close = new(2026, 12, 7);

    [Theory]
    [InlineData(ComplaintStatus.Registered, "2026-11-24")]
    [InlineData(ComplaintStatus.Assigned, "2026-11-30")]
    [InlineData(ComplaintStatus.Investigating, "2026-11-30")]
    [InlineData(ComplaintStatus.Replied, "2026-12-07")]
    public void StageDue_TheDeadlineOfTheStageItIsAt(ComplaintStatus status, string due) =>
        Assert.Equal(DateOnly.Parse(due), Complaint.StageDue(status, Assign, Reply, Close));

    [Fact]
    public void StageDue_Closed_None() => Assert.Null(Complaint.StageDue(ComplaintStatus.Closed, Assign, Reply, Close));

    [Fact]
    public void StageDue_Registered_ReplyDeadlineWhenEarlierThanAssignment() =>
        Assert.Equal(Reply, Complaint.StageDue(ComplaintStatus.Registered, Reply.AddDays(3), Reply, Close));

    [Fact]
    public void OverdueDays_CountedAfterTheStageDeadline()
    {
        var view = View(ComplaintStatus.Investigating);
        Assert.Equal(0, view.OverdueDays(Reply));
        Assert.Equal(3, view.OverdueDays(Reply.AddDays(3)));
        Assert.Equal(0, View(ComplaintStatus.Closed).OverdueDays(Close.AddDays(10)));
    }

    private static ComplaintView View(ComplaintStatus status) => new(Guid.NewGuid(), Guid.NewGuid(), "TS20261123-0001", ComplaintChannel.Online,
        "t", "c", true, "", "", ComplaintSubject.Hall, null, null, null, status, ComplaintDisposition.None, null, null, DateTime.UtcNow, null,
        null, Assign, Reply, Close, null, null, null, null, 0, []);
}
