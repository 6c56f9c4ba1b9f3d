using ServiceHall.Core;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Halls;

public class CallAnnouncementTests
{
    [Theory]
    [InlineData(CallAction.Handle, "请A001号到3号窗口办理", "A001, please go to counter 3")]
    [InlineData(CallAction.CollectMedicine, "请A001号到3号窗口取药", "A001, collect your medicine at counter 3")]
    [InlineData(CallAction.SeeDoctor, "请A001号到3号窗口就诊", "A001, see the doctor at counter 3")]
    [InlineData(CallAction.Pay, "请A001号到3号窗口缴费", "A001, please pay at counter 3")]
    [InlineData(CallAction.BuyTicket, "请A001号到3号窗口售票", "A001, buy your ticket at counter 3")]
    public void ForAction_Formatted_SaysNumberCounterAndAction(CallAction action, string zh, string en)
    {
        var (zhTemplate, enTemplate) = CallAnnouncement.ForAction(action);
        Assert.Equal(zh, CallAnnouncement.Format(zhTemplate, "A001", 3));
        Assert.Equal(en, CallAnnouncement.Format(enTemplate, "A001", 3));
        Assert.Null(CallAnnouncement.Problem(zhTemplate));
        Assert.Null(CallAnnouncement.Problem(enTemplate));
    }

    [Fact]
    public void Format_PlaceholdersAnywhereAndRepeated_SpacesInsideBracesAllowed()
    {
        Assert.Equal("12号窗口请C007号，C007号请取药", CallAnnouncement.Format("{counter}号窗口请{number}号，{ number }号请取药", "C007", 12));
        Assert.Equal("请稍候", CallAnnouncement.Format("请稍候", "A001", 1));
    }

    [Theory]
    [InlineData("请{number}号到{window}号窗口办理", ErrorCodes.AnnouncementPlaceholderUnknown, "{window}")]
    [InlineData("请{number}号到{}号窗口办理", ErrorCodes.AnnouncementPlaceholderUnknown, "{}")]
    [InlineData("请{number号到3号窗口办理", ErrorCodes.AnnouncementPlaceholderUnknown, "请{number号到3号窗口办理")]
    [InlineData("请{number}号到}3号窗口", ErrorCodes.AnnouncementPlaceholderUnknown, "请{number}号到}3号窗口")]
    [InlineData("请{number{counter}}号", ErrorCodes.AnnouncementPlaceholderUnknown, "请{number{counter}}号")]
    [InlineData("请到{counter}号窗口办理", ErrorCodes.AnnouncementNeedsNumber, "{number}")]
    public void Problem_UnknownOrBrokenPlaceholderOrNoNumber_Named(string template, string code, string detail)
    {
        Assert.Equal<(string, string)?>((code, detail), CallAnnouncement.Problem(template));
    }
}
