using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Assessment;

/// <summary>How the assessment pages write an indicator, a figure, points and a formula in the page's language.</summary>
public static class AssessmentText
{
    public static string Indicator(IStringLocalizer<AssessmentResource> t, AssessmentIndicator indicator) => t[$"Indicator_{indicator}"];

    /// <summary>
    /// The formula from the resources with its step from the rules, so that text and computation cannot differ; tickets
    /// served with the hall's own target (<paramref name="servedTarget"/> per day attended) when it has one.
    /// </summary>
    public static string Formula(IStringLocalizer<AssessmentResource> t, AssessmentIndicator indicator, int? servedTarget = null) =>
        indicator == AssessmentIndicator.TicketsServed && servedTarget is { } perDay
            ? t["Formula_TicketsServedTarget", perDay]
            : t[$"Formula_{indicator}", Number(AssessmentRules.Rule(indicator).Step)];

    public static string Figure(IStringLocalizer<AssessmentResource> t, AssessmentFigure figure) =>
        !figure.Applies ? "—"
        : figure.Figure is not { } f ? "—"
        : figure.Target is { } target ? t[$"Value_{figure.Indicator}Target", Number(f), Number(target)]
        : t[$"Value_{figure.Indicator}", Number(f)];

    public static string Number(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);

    public static string Signed(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.CurrentCulture);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("Y", CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The months a page offers: this one and the twelve before it, newest first.</summary>
    public static List<(int Year, int Month)> RecentMonths(DateOnly today) =>
        [.. Enumerable.Range(0, 13).Select(i => today.AddMonths(-i)).Select(d => (d.Year, d.Month))];
}
