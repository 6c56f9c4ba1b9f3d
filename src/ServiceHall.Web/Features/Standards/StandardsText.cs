using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServiceHall.Core.Features.Standards;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Standards;

/// <summary>How the standards pages write a figure, a threshold, a verdict and a card: words and numbers in the page's language.</summary>
public static class StandardsText
{
    public static string Value(IStringLocalizer<StandardsResource> s, StandardMeasure measure, double? value) =>
        value is { } v ? s[$"Value_{measure}", v.ToString("0.#", CultureInfo.CurrentCulture)].Value : "—";

    public static string Threshold(IStringLocalizer<StandardsResource> s, StandardMeasure measure, int yellow, int red) =>
        s[$"Threshold_{measure}", yellow, red].Value;

    public static string Rule(IStringLocalizer<StandardsResource> s, StandardRule rule) => s[$"Rule_{rule}"].Value;

    public static string Verdict(IStringLocalizer<StandardsResource> s, Verdict verdict) => s[$"Verdict_{verdict}"].Value;

    public static string Card(IStringLocalizer<StandardsResource> s, CardColour colour) => s[$"Card_{colour}"].Value;

    public static Color CardColor(CardColour colour) => colour == CardColour.Red ? Color.Error : Color.Warning;

    /// <summary>The figure against the threshold it crossed, e.g. "14 分钟，阈值 10 分钟".</summary>
    public static string Facts(IStringLocalizer<StandardsResource> s, StandardCardView card) =>
        s["Card_Facts", Value(s, card.Measure, card.Figure), Value(s, card.Measure, card.Threshold)].Value;

    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}
