using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Assessment;

/// <summary>One record of the drill-down as a line in the page's language.</summary>
public static class AssessmentDetails
{
    public static string Describe(IStringLocalizer<AssessmentResource> t, IStringLocalizer<SharedResource> shared, AssessmentRecord r) => r.Indicator switch
    {
        AssessmentIndicator.TicketsServed => t["Detail_Served", AssessmentText.Number(r.Value ?? 0)],
        AssessmentIndicator.ServiceTime => t["Detail_ServiceTime", AssessmentText.Number(r.Value ?? 0), AssessmentText.Number(r.Standard ?? 0)],
        AssessmentIndicator.WaitsOverTarget => t["Detail_Wait", AssessmentText.Number(r.Value ?? 0), AssessmentText.Number(r.Standard ?? 0)],
        AssessmentIndicator.Satisfaction => Join(t[$"Level_{r.Detail}"], r.Text),
        AssessmentIndicator.ComplaintsUpheld => Join(t[$"Category_{r.Detail}"], r.Text),
        AssessmentIndicator.ConductFindings => t["Detail_Phrase", r.Text ?? ""],
        AssessmentIndicator.Late => t["Detail_Late", AssessmentText.Number(r.Value ?? 0)],
        AssessmentIndicator.EarlyLeave => t["Detail_Early", AssessmentText.Number(r.Value ?? 0)],
        AssessmentIndicator.Absence => t["Detail_Absent"],
        _ => t["Detail_Card", shared[$"Enum_StandardRule_{Pascal(r.Detail)}"], AssessmentText.Number(r.Value ?? 0), AssessmentText.Number(r.Standard ?? 0)],
    };

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} · {second}";

    private static string Pascal(string? name) => string.IsNullOrEmpty(name) ? "" : char.ToUpperInvariant(name[0]) + name[1..];
}
