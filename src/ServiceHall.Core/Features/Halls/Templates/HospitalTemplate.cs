using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>
/// 医院窗口. The hall is open around the clock for its 24-hour emergency window (issue 16); the outpatient
/// windows serve in outpatient hours, as hours of their items. A business day still ends at midnight (ADR-013).
/// </summary>
internal static class HospitalTemplate
{
    private static readonly TimeOnly DayStart = new(0, 0);
    private static readonly TimeOnly DayEnd = new(23, 59);
    // 门诊 hours: the seeds give none ("遵守挂号时间"); 8:00–17:00 is the common outpatient day, and the hall changes it.
    private static readonly TimeOnly OutpatientFrom = new(8, 0);
    private static readonly TimeOnly OutpatientUntil = new(17, 0);

    public static HallTemplate Template { get; } = new(
        HallKind.Hospital,
        // "以患者为中心，关注患者需求" (医院主要窗口服务规范工作制度).
        new CitizenWords("患者", "patient"),
        new TemplateHours(DayStart, DayEnd, DayEnd, HallTemplates.WeekendsOpen(DayStart, DayEnd, DayEnd)),
        // "导医服务台、挂号收费处/出入院结算处、门(急)诊/住院药房、……检验科……门(急)诊科" (医院窗口文明服务规范, 一、范围).
        ["导医服务台", "挂号收费处", "门诊药房", "检验科", "急诊科"],
        [
            // Standard minutes are estimates until the hall's own figures replace them; the seeds give none.
            // A visit of three steps under one number (P7, issue 16): 挂号 → 缴费 → 取药.
            new("门诊挂号", "A", 1, 3, CallAction.Handle, OutpatientFrom, OutpatientUntil, NextStepPrefix: "B"),
            new("门诊缴费", "B", 1, 3, CallAction.Pay, OutpatientFrom, OutpatientUntil, NextStepPrefix: "C"),
            new("门诊取药", "C", 2, 4, CallAction.CollectMedicine, OutpatientFrom, OutpatientUntil),
            new("检验采血", "D", 3, 5, CallAction.Handle, OutpatientFrom, OutpatientUntil),
            // The emergency window has no hours of its own: it serves whenever the hall is open, day and night.
            new("急诊就诊", "E", 4, 10, CallAction.SeeDoctor),
            // 导医服务台 takes no ticket: it "正确指导服务对象挂号、候诊、检查" as people walk up, and owns their questions (首问负责).
        ],
        // The outpatient counters are expected staffed in outpatient hours only; the emergency counter around the clock (ADR-033).
        [
            new(1, 1, ["A", "B"], OutpatientFrom, OutpatientUntil), new(2, 1, ["B", "A"], OutpatientFrom, OutpatientUntil),
            new(3, 2, ["C"], OutpatientFrom, OutpatientUntil), new(4, 2, ["C"], OutpatientFrom, OutpatientUntil),
            new(5, 3, ["D"], OutpatientFrom, OutpatientUntil), new(6, 4, ["E"]),
        ],
        // Issue 16: "a hospital has 急诊, 老年人, 残疾人, 军人 and 孕产妇 by default".
        [
            new("急诊", "Emergency", TicketPriority.Emergency), new("老年人", "Elderly", TicketPriority.Elderly, Verify: true),
            new("残疾人", "Disabled", TicketPriority.Disabled, Verify: true), new("军人", "Military", TicketPriority.Military, Verify: true),
            new("孕产妇", "Pregnant or new mother", TicketPriority.Pregnant),
        ],
        [HallModule.MultiStepVisits, HallModule.Appointments, HallModule.Inquiries, HallModule.Complaints],
        SectorPhrases.With(
            // 窗口工作人员服务规范 (一)服务语言 3: "对不起,如果我工作中有失误,请您指正"、"欢迎您多提宝贵意见"、"您慢走,再见".
            ("对不起，如果我工作中有失误，请您指正", PhraseKind.Process),
            ("欢迎您多提宝贵意见", PhraseKind.Farewell),
            ("您慢走，再见", PhraseKind.Farewell),
            // Ibid. 4, the words that "伤害感情，激化矛盾" — with patients who ask twice ("对病友询问应有问必答", "严禁与病友发生顶撞争吵").
            ("我不管，问别人去", PhraseKind.Forbidden),
            ("给你讲一天你也不会懂", PhraseKind.Forbidden),
            ("别罗嗦，快点讲", PhraseKind.Forbidden),
            ("我要下班了，快点", PhraseKind.Forbidden),
            ("我刚才已经说过，你怎么还问", PhraseKind.Forbidden),
            ("你这人真笨", PhraseKind.Forbidden),
            ("你的记性真差", PhraseKind.Forbidden),
            ("我就是这样的，你能把我怎么样", PhraseKind.Forbidden),
            ("你去告好了", PhraseKind.Forbidden)));
}
