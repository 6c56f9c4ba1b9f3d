namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>
/// The English names of the templates' departments and items and of the demo's halls, by their Chinese names (issue 16).
/// Kept beside the templates rather than in them, so that a template stays one line a row; a name missing here is left
/// without an English name, and English pages show the Chinese (<see cref="LocalNames"/>).
/// </summary>
public static class TemplateEnglishNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        // Government service centre.
        ["市场监管"] = "Market regulation",
        ["人力社保"] = "Human resources and social security",
        ["公安户政"] = "Household registration (police)",
        ["不动产登记"] = "Real estate registration",
        ["企业开办登记"] = "Business registration",
        ["个体工商户登记"] = "Sole trader registration",
        ["社保参保登记"] = "Social insurance enrolment",
        ["医保业务"] = "Medical insurance",
        ["户籍办理"] = "Household registration",
        ["居住证办理"] = "Residence permit",
        ["综合咨询"] = "General enquiries",
        // Hospital windows.
        ["导医服务台"] = "Guidance desk",
        ["挂号收费处"] = "Registration and payment",
        ["门诊药房"] = "Outpatient pharmacy",
        ["检验科"] = "Laboratory",
        ["急诊科"] = "Emergency department",
        ["门诊挂号"] = "Outpatient registration",
        ["门诊缴费"] = "Outpatient payment",
        ["门诊取药"] = "Collect medicine",
        ["检验采血"] = "Blood tests",
        ["急诊就诊"] = "Emergency",
        // Ticket office.
        ["售票处"] = "Ticket office",
        ["购票"] = "Buy tickets",
        ["退票改签"] = "Refunds and changes",
        ["票务咨询"] = "Ticket enquiries",
        // Property front desk.
        ["客服前台"] = "Front desk",
        ["工程维修"] = "Maintenance",
        ["物业缴费"] = "Property fees",
        ["报事报修"] = "Repairs and reports",
        ["投诉建议"] = "Complaints and suggestions",
        // The demo's halls and the centre's notice line.
        ["滨江区政务服务中心"] = "Binjiang District Government Service Centre",
        ["滨江医院"] = "Binjiang Hospital",
        ["滨江客运站售票处"] = "Binjiang Coach Station Ticket Office",
        ["滨江花园物业服务中心"] = "Binjiang Garden Property Service Centre",
        ["请携带身份证原件，按号就座，留意叫号。"] = "Please bring your ID card, take a seat and listen for your number.",
    };

    /// <summary>The English of a template's or the demo's Chinese name; null where there is none.</summary>
    public static string? For(string? zh) => zh is not null && Names.TryGetValue(zh, out var en) ? en : null;

    /// <summary>A counter named by the template's pattern ("3号窗口") in English.</summary>
    public static string CounterName(int number) => $"Counter {number}";
}
