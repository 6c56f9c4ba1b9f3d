namespace ServiceHall.Core.Features.Standards;

/// <summary>
/// A hall's thresholds of one rule. For a share (percent) the verdict is yellow below <paramref name="Yellow"/> and
/// red below <paramref name="Red"/>; for minutes and counts it is yellow above <paramref name="Yellow"/> and red above
/// <paramref name="Red"/>. <paramref name="Card"/> says which card a breach issues.
/// </summary>
public sealed record StandardThreshold(int Yellow, int Red, CardPolicy Card, int? Parameter = null);

/// <summary>The verdict of a figure and the card a breach gives. Pure.</summary>
public static class Verdicts
{
    public const int MaxMinutes = 24 * 60;
    public const int MaxCount = 10_000;

    public static Verdict Judge(StandardMeasure measure, StandardThreshold threshold, double? figure)
    {
        if (figure is not { } value)
            return Verdict.NoData;
        if (measure == StandardMeasure.Percent)
            return value < threshold.Red ? Verdict.Red : value < threshold.Yellow ? Verdict.Yellow : Verdict.Green;
        return value > threshold.Red ? Verdict.Red : value > threshold.Yellow ? Verdict.Yellow : Verdict.Green;
    }

    /// <summary>The card a verdict gives under the hall's rule; none for green, no data, or a rule that gives none.</summary>
    public static CardColour? CardFor(Verdict verdict, CardPolicy policy) => verdict is not (Verdict.Yellow or Verdict.Red) ? null
        : policy switch
        {
            CardPolicy.Yellow => CardColour.Yellow,
            CardPolicy.Red => CardColour.Red,
            CardPolicy.ByVerdict => verdict == Verdict.Red ? CardColour.Red : CardColour.Yellow,
            _ => null,
        };

    /// <summary>The threshold the figure crossed: the red one for a red verdict, else the yellow one.</summary>
    public static int Crossed(Verdict verdict, StandardThreshold threshold) => verdict == Verdict.Red ? threshold.Red : threshold.Yellow;

    /// <summary>
    /// Refuses thresholds that cannot be read one way: a share within 0–100 with red at or below yellow, minutes and
    /// counts from 0 with red at or above yellow, the rule's own number within its range.
    /// </summary>
    public static void Validate(StandardRuleInfo rule, StandardThreshold threshold)
    {
        var field = $"rules.{rule.Rule}";
        var max = rule.Measure switch
        {
            StandardMeasure.Percent => 100,
            StandardMeasure.Count => MaxCount,
            _ => MaxMinutes,
        };
        Range(threshold.Yellow, $"{field}.yellow", 0, max);
        Range(threshold.Red, $"{field}.red", 0, max);
        if (rule.HigherIsBetter ? threshold.Red > threshold.Yellow : threshold.Red < threshold.Yellow)
            throw DomainException.Invalid($"{field}.red", StandardErrors.ThresholdsInverted, rule.Rule);
        if (!Enum.IsDefined(threshold.Card))
            throw DomainException.Invalid($"{field}.card", ErrorCodes.BadRequest);
        if (rule.ParameterRange is { } range)
            Range(threshold.Parameter ?? throw DomainException.Required($"{field}.parameter"), $"{field}.parameter", range.Min, range.Max);
        else if (threshold.Parameter is not null)
            throw DomainException.Invalid($"{field}.parameter", ErrorCodes.BadRequest);
    }

    private static void Range(int value, string field, int min, int max)
    {
        if (value < min || value > max)
            throw DomainException.Invalid(field, ErrorCodes.OutOfRange, field, min, max);
    }
}

/// <summary>Refusals of this feature; each has a message in the web layer's shared resources.</summary>
public static class StandardErrors
{
    public const string ThresholdsInverted = "StandardThresholdsInverted";
    public const string CardNotFound = "StandardCardNotFound";
    public const string CardClosed = "StandardCardClosed";
    public const string CardNotYours = "StandardCardNotYours";
}
