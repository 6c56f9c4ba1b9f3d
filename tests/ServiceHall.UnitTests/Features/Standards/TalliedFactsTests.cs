using ServiceHall.Core.Features.Standards;

namespace ServiceHall.UnitTests.Features.Standards;

/// <summary>A day's calls as one fact of its tally (ADR-026) give the figures their records give one by one.</summary>
public class TalliedFactsTests
{
    private static readonly Guid Hall = Guid.NewGuid();
    private static readonly Guid Counter = Guid.NewGuid();
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static StandardRuleView Rule(StandardRule rule)
    {
        var info = StandardCatalog.Info(rule);
        return new StandardRuleView(rule, info.Code, info.Measure, info.Responsible, info.Defaults.Yellow, info.Defaults.Red,
            info.Defaults.Card, info.Defaults.Parameter, false);
    }

    private static List<StandardRuleView> Rules =>
        [.. new[] { StandardRule.WaitsCalledInTime, StandardRule.LongestWait, StandardRule.CallsOutOfOrder, StandardRule.ExpiredTickets }.Select(Rule)];

    /// <summary>The records one by one, as the cards read them: waits with the item's limit of 10 minutes.</summary>
    private static List<StandardFact> Records(double[] waits, int outOfOrder, int expired) =>
    [
        .. waits.Select(w => new StandardFact(StandardRule.WaitsCalledInTime, Day, null, Counter, Staff, w, w <= 10, "A001")),
        .. waits.Select(w => new StandardFact(StandardRule.LongestWait, Day, null, Counter, Staff, w, null, "A001")),
        .. Enumerable.Range(0, outOfOrder).Select(_ => new StandardFact(StandardRule.CallsOutOfOrder, Day, null, Counter, Staff, 1, null, "A001")),
        .. Enumerable.Range(0, expired).Select(_ => new StandardFact(StandardRule.ExpiredTickets, Day, null, null, null, 1, null, "A001")),
    ];

    /// <summary>The same day as its tally gives it: one fact per rule weighing its records.</summary>
    private static List<StandardFact> Tallied(double[] waits, int outOfOrder, int expired)
    {
        var kept = waits.Count(w => w <= 10);
        var facts = new List<StandardFact>
        {
            new(StandardRule.WaitsCalledInTime, Day, null, Counter, Staff, waits.Sum(), null, "", waits.Length, kept),
            new(StandardRule.LongestWait, Day, null, Counter, Staff, waits.Max(), null, "A001 16′", waits.Length, kept),
        };
        if (outOfOrder > 0)
            facts.Add(new(StandardRule.CallsOutOfOrder, Day, null, Counter, Staff, 1, null, "", outOfOrder));
        if (expired > 0)
            facts.Add(new(StandardRule.ExpiredTickets, Day, null, null, null, 1, null, "", expired));
        return facts;
    }

    [Theory]
    [InlineData(new[] { 3.0, 14, 11, 16, 16 }, 1, 0)]
    [InlineData(new[] { 2.0, 10, 9.5 }, 0, 2)]
    [InlineData(new[] { 30.0 }, 7, 6)]
    public void Compute_TalliedDay_SameCellsAsItsRecords(double[] waits, int outOfOrder, int expired)
    {
        foreach (var scope in Enum.GetValues<StandardScope>())
        {
            var units = scope == StandardScope.Hall ? new[] { Hall } : new[] { Counter, Staff, Guid.Empty };
            var one = StandardFigures.Compute(Hall, scope, Rules, Records(waits, outOfOrder, expired), units);
            var tallied = StandardFigures.Compute(Hall, scope, Rules, Tallied(waits, outOfOrder, expired), units);
            Assert.Equal(one, tallied);
        }
    }
}
