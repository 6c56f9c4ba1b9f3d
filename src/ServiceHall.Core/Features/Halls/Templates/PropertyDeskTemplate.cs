using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>物业客服前台: office hours on working days (the hall defaults; the seeds give none).</summary>
internal static class PropertyDeskTemplate
{
    public static HallTemplate Template { get; } = new(
        HallKind.PropertyDesk,
        // "当业主投诉某个具体事件" (物业窗口服务标准(客服部)).
        new CitizenWords("业主", "resident"),
        new TemplateHours(new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(16, 30), []),
        ["客服前台", "工程维修"],
        [
            new("物业缴费", "A", 0, 3, CallAction.Pay),
            new("报事报修", "B", 1, 5, CallAction.Handle),
            new("投诉建议", "C", 0, 8, CallAction.Handle),
        ],
        [new(1, 0, ["A", "C"]), new(2, 1, ["B", "C"]), new(3, 0, ["A", "B"])],
        // The issue names no categories for a front desk: the platform's defaults (Q2).
        [
            new("老人", "Elderly", TicketPriority.Elderly, Verify: true), new("残疾人", "Disabled", TicketPriority.Disabled, Verify: true),
            new("军人", "Military", TicketPriority.Military, Verify: true), new("孕妇", "Pregnant", TicketPriority.Pregnant),
            new("急诊", "Emergency", TicketPriority.Emergency),
        ],
        [HallModule.Inquiries, HallModule.Complaints],
        SectorPhrases.With(
            // 二、服务标准 (一)前台接待: "铃响三声前接听电话; 标准用语(“您好，物业。”)".
            ("您好，物业", PhraseKind.Greeting),
            // 三、当业主投诉……情绪升级、激动时: "您好!您的意见我已记录,落实后我们安排专人给您回复。请问您通常在什么时间比较方便?"
            ("您的意见我已记录", PhraseKind.Process),
            ("落实后我们安排专人给您回复", PhraseKind.Process),
            ("请问您通常在什么时间比较方便", PhraseKind.Process),
            // 四、当客户情绪激动，要求直接面见经理时: "您好,您可以把事情告诉我,看我能不能……"
            ("您可以把事情告诉我", PhraseKind.Process),
            // 七、当接待人员操作错误，遇到业主质疑时: "……但不会影响到对这件事情的处理的,请您放心。"
            ("请您放心", PhraseKind.Process),
            // 七、服务禁忌: "我也不清楚是怎么回事,我是按照正规程序操作的,反正这个系统就是这样。"
            ("我也不清楚是怎么回事", PhraseKind.Forbidden),
            ("我是按照正规程序操作的", PhraseKind.Forbidden),
            ("反正这个系统就是这样", PhraseKind.Forbidden),
            // 三、服务禁忌: "我不清楚这个事情,不是我经办的" "我是才到的新员工".
            ("我不清楚这个事情", PhraseKind.Forbidden),
            ("不是我经办的", PhraseKind.Forbidden),
            ("我是才到的新员工", PhraseKind.Forbidden)));
}
