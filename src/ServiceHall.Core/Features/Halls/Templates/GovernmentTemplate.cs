using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>
/// 政务服务中心: the departments, items and counters of the demo's district centre (SeedDemoHall), the hall
/// defaults' hours (9:00–17:00, cut-off 16:30) and the seeds' general phrase lists.
/// </summary>
internal static class GovernmentTemplate
{
    public static HallTemplate Template { get; } = new(
        HallKind.Government,
        new CitizenWords(Hall.DefaultCitizenWord, Hall.DefaultCitizenWordEn),
        new TemplateHours(new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(16, 30), []),
        ["市场监管", "人力社保", "公安户政", "不动产登记"],
        [
            new("企业开办登记", "A", 0, 8, CallAction.Handle), new("个体工商户登记", "B", 0, 6, CallAction.Handle),
            new("社保参保登记", "C", 1, 5, CallAction.Handle), new("医保业务", "D", 1, 5, CallAction.Handle),
            new("户籍办理", "E", 2, 7, CallAction.Handle), new("居住证办理", "F", 2, 4, CallAction.Handle),
            new("不动产登记", "G", 3, 12, CallAction.Handle), new("综合咨询", "H", 3, 3, CallAction.Handle),
        ],
        [
            new(1, 0, ["A", "B"]), new(2, 0, ["A", "B", "H"]), new(3, 1, ["C", "D"]), new(4, 1, ["C", "D", "H"]),
            new(5, 2, ["E", "F"]), new(6, 3, ["G", "H", "E", "F"]),
        ],
        // Q2: "主动为老人、残疾人等特需患者服务", "急事急办、特事特办" — the priority classes every hall has today.
        [
            new("老人", "Elderly", TicketPriority.Elderly, Verify: true), new("残疾人", "Disabled", TicketPriority.Disabled, Verify: true),
            new("军人", "Military", TicketPriority.Military, Verify: true), new("孕妇", "Pregnant", TicketPriority.Pregnant),
            new("急诊", "Emergency", TicketPriority.Emergency),
        ],
        [HallModule.Guides, HallModule.Cases, HallModule.Inquiries, HallModule.Complaints],
        DefaultConductPhrases.All);
}
