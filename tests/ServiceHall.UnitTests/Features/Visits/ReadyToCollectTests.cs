using ServiceHall.Core;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Visits;

namespace ServiceHall.UnitTests.Features.Visits;

public class ReadyToCollectTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void IsCallable_OnlyReadyTicketsOfAnItemInReadyMode(bool readyMode, bool ready, bool callable) =>
        Assert.Equal(callable, ReadyToCollect.IsCallable(readyMode, ready ? Now : null));

    [Fact]
    public void CannotMark_WaitingTicketOfReadyItem_Allowed() =>
        Assert.Null(ReadyToCollect.CannotMark(true, TicketStatus.Waiting, null));

    [Fact]
    public void CannotMark_ItemNotInReadyMode_Refused() =>
        Assert.Equal(ErrorCodes.ItemNotReadyToCollect, ReadyToCollect.CannotMark(false, TicketStatus.Waiting, null));

    [Fact]
    public void CannotMark_AlreadyReady_Refused() =>
        Assert.Equal(ErrorCodes.TicketAlreadyReady, ReadyToCollect.CannotMark(true, TicketStatus.Waiting, Now));

    [Theory]
    [InlineData(TicketStatus.Called)]
    [InlineData(TicketStatus.Done)]
    [InlineData(TicketStatus.Expired)]
    public void CannotMark_NotWaiting_Refused(TicketStatus status) =>
        Assert.Equal(ErrorCodes.TicketStateConflict, ReadyToCollect.CannotMark(true, status, null));
}
