using ServiceHall.Core;
using ServiceHall.Core.Features.Standards;

namespace ServiceHall.UnitTests.Features.Standards;

public class VerdictsTests
{
    private static readonly StandardThreshold Share = new(90, 80, CardPolicy.ByVerdict);
    private static readonly StandardThreshold Minutes = new(10, 20, CardPolicy.Red);

    [Theory]
    [InlineData(100.0, Verdict.Green)]
    [InlineData(90.0, Verdict.Green)]
    [InlineData(89.9, Verdict.Yellow)]
    [InlineData(80.0, Verdict.Yellow)]
    [InlineData(79.9, Verdict.Red)]
    [InlineData(0.0, Verdict.Red)]
    public void Judge_Share_BelowThresholdsIsWorse(double figure, Verdict expected) =>
        Assert.Equal(expected, Verdicts.Judge(StandardMeasure.Percent, Share, figure));

    [Theory]
    [InlineData(0.0, Verdict.Green)]
    [InlineData(10.0, Verdict.Green)]
    [InlineData(10.1, Verdict.Yellow)]
    [InlineData(20.0, Verdict.Yellow)]
    [InlineData(20.5, Verdict.Red)]
    public void Judge_Minutes_AboveThresholdsIsWorse(double figure, Verdict expected) =>
        Assert.Equal(expected, Verdicts.Judge(StandardMeasure.MaxMinutes, Minutes, figure));

    [Fact]
    public void Judge_NoFigure_NoData() => Assert.Equal(Verdict.NoData, Verdicts.Judge(StandardMeasure.Percent, Share, null));

    [Fact]
    public void Judge_CountWithZeroThresholds_AnyRecordIsRed() =>
        Assert.Equal(Verdict.Red, Verdicts.Judge(StandardMeasure.Count, new StandardThreshold(0, 0, CardPolicy.Red), 1));

    [Theory]
    [InlineData(Verdict.Yellow, CardPolicy.ByVerdict, CardColour.Yellow)]
    [InlineData(Verdict.Red, CardPolicy.ByVerdict, CardColour.Red)]
    [InlineData(Verdict.Yellow, CardPolicy.Red, CardColour.Red)]
    [InlineData(Verdict.Red, CardPolicy.Yellow, CardColour.Yellow)]
    public void CardFor_BreachUnderTheHallsRule(Verdict verdict, CardPolicy policy, CardColour expected) =>
        Assert.Equal(expected, Verdicts.CardFor(verdict, policy));

    [Theory]
    [InlineData(Verdict.Green, CardPolicy.Red)]
    [InlineData(Verdict.NoData, CardPolicy.Red)]
    [InlineData(Verdict.Red, CardPolicy.None)]
    public void CardFor_NoBreachOrNoCardRule_None(Verdict verdict, CardPolicy policy) => Assert.Null(Verdicts.CardFor(verdict, policy));

    [Fact]
    public void Validate_Defaults_AllAccepted()
    {
        foreach (var rule in StandardCatalog.Rules)
            Verdicts.Validate(rule, rule.Defaults);
    }

    [Theory]
    [InlineData(StandardRule.WaitsCalledInTime, 80, 90, null, "StandardThresholdsInverted")]
    [InlineData(StandardRule.WaitsCalledInTime, 101, 90, null, "OutOfRange")]
    [InlineData(StandardRule.LongestWait, 20, 10, null, "StandardThresholdsInverted")]
    [InlineData(StandardRule.LongestWait, -1, 10, null, "OutOfRange")]
    [InlineData(StandardRule.LongestWait, 10, 20, 5, "BadRequest")]
    [InlineData(StandardRule.CounterOpenedOnAlert, 100, 50, null, "Required")]
    [InlineData(StandardRule.CounterOpenedOnAlert, 100, 50, 0, "OutOfRange")]
    [InlineData(StandardRule.NoticesInTime, 100, 90, 21, "OutOfRange")]
    public void Validate_Refuses(StandardRule rule, int yellow, int red, int? parameter, string code)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Verdicts.Validate(StandardCatalog.Info(rule), new StandardThreshold(yellow, red, CardPolicy.ByVerdict, parameter)));
        Assert.Equal(code, refusal.Code);
        Assert.Equal(ErrorKind.Validation, refusal.Kind);
    }

    [Fact]
    public void Catalog_EveryRuleOnce_WithItsSeedID()
    {
        Assert.Equal(Enum.GetValues<StandardRule>().Order(), StandardCatalog.Rules.Select(r => r.Rule).Order());
        Assert.All(StandardCatalog.Rules, r => Assert.Matches("^[QMS][0-9]$", r.Code));
        Assert.All(StandardCatalog.Rules, r => Assert.True(r.Applies(r.Responsible), $"{r.Rule} cards a unit its records do not name"));
    }
}
