using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>售票窗口: open every day of the week, the hall defaults' hours (the seeds give none).</summary>
internal static class TicketOfficeTemplate
{
    private static readonly TimeOnly Opens = new(9, 0);
    private static readonly TimeOnly Closes = new(17, 0);
    private static readonly TimeOnly Cutoff = new(16, 30);

    public static HallTemplate Template { get; } = new(
        HallKind.TicketOffice,
        // "有效促进旅客出行便利和满意度" (售票窗口服务规范操作规程, 一、引言).
        new CitizenWords("旅客", "passenger"),
        // Issue 16: "a ticket office open weekends".
        new TemplateHours(Opens, Closes, Cutoff, HallTemplates.WeekendsOpen(Opens, Closes, Cutoff)),
        ["售票处"],
        [
            // "有序引导用户排队购票" (四、排队和受理).
            new("购票", "A", 0, 3, CallAction.BuyTicket),
            new("退票改签", "B", 0, 4, CallAction.Handle),
            // "提供正确、详细的票务咨询和解答" (二、服务态度与礼貌 2).
            new("票务咨询", "C", 0, 2, CallAction.Handle),
        ],
        [new(1, 0, ["A"]), new(2, 0, ["A"]), new(3, 0, ["A", "B"]), new(4, 0, ["B", "C"])],
        // Issue 16: "a ticket office 老弱病残孕 and 军人".
        // 老弱病残孕 is one category for several classes: it waits in the priority lane and counts as elderly by class.
        [new("老弱病残孕", "Elderly, sick, disabled or pregnant", TicketPriority.Elderly), new("军人", "Military", TicketPriority.Military, Verify: true)],
        [HallModule.Complaints],
        // "售票员应主动向用户问好" and "不得对用户表示不耐烦或者冷漠": the general lists say both; the section adds no sentence.
        SectorPhrases.Common);
}
