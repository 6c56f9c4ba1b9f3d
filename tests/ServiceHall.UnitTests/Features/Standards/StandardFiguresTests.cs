using ServiceHall.Core.Features.Standards;

namespace ServiceHall.UnitTests.Features.Standards;

public class StandardFiguresTests
{
    private static readonly Guid Hall = Guid.NewGuid();
    private static readonly Guid CounterA = Guid.NewGuid();
    private static readonly Guid CounterB = Guid.NewGuid();
    private static readonly Guid Staff1 = Guid.NewGuid();
    private static readonly Guid Staff2 = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static StandardRuleView Rule(StandardRule rule, CardPolicy? card = null)
    {
        var info = StandardCatalog.Info(rule);
        return new StandardRuleView(rule, info.Code, info.Measure, info.Responsible, info.Defaults.Yellow, info.Defaults.Red,
            card ?? info.Defaults.Card, info.Defaults.Parameter, false);
    }

    private static StandardFact Wait(double minutes, Guid counter, Guid staff, DateOnly? day = null, string number = "A001") =>
        new(StandardRule.LongestWait, day ?? Today, null, counter, staff, minutes, null, number);

    private static StandardFact Call(bool inTime, Guid counter, Guid staff, DateOnly? day = null) =>
        new(StandardRule.WaitsCalledInTime, day ?? Today, null, counter, staff, 0, inTime, "A002");

    [Theory]
    [InlineData("2026-11-23", StandardPeriod.Day, "2026-11-23", "2026-11-24")]
    [InlineData("2026-11-26", StandardPeriod.Week, "2026-11-23", "2026-11-30")]
    [InlineData("2026-11-29", StandardPeriod.Week, "2026-11-23", "2026-11-30")]
    [InlineData("2026-11-23", StandardPeriod.Week, "2026-11-23", "2026-11-30")]
    [InlineData("2026-12-31", StandardPeriod.Month, "2026-12-01", "2027-01-01")]
    public void Range_DayWeekFromMondayMonth(string date, StandardPeriod period, string from, string until) =>
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(until)), StandardPeriods.Range(period, DateOnly.Parse(date)));

    [Fact]
    public void Last_ConsecutivePeriodsOldestFirst()
    {
        var weeks = StandardPeriods.Last(StandardPeriod.Week, new DateOnly(2026, 11, 25), 3);
        Assert.Equal([(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)), (new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)),
            (new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30))], weeks);
        var months = StandardPeriods.Last(StandardPeriod.Month, new DateOnly(2026, 1, 15), 2);
        Assert.Equal(new DateOnly(2025, 12, 1), months[0].From);
    }

    [Fact]
    public void Compute_PerCounter_ShareMaximumAndNoData()
    {
        var facts = new[] { Call(true, CounterA, Staff1), Call(false, CounterA, Staff1), Call(true, CounterA, Staff1), Wait(12.5, CounterA, Staff1), Wait(3, CounterA, Staff1) };
        var cells = StandardFigures.Compute(Hall, StandardScope.Counter, [Rule(StandardRule.WaitsCalledInTime), Rule(StandardRule.LongestWait)],
            facts, [CounterA, CounterB]);
        var share = cells.Single(c => c.Rule == StandardRule.WaitsCalledInTime && c.UnitId == CounterA);
        Assert.Equal((66.7, 3, 1, Verdict.Red), (share.Value!.Value, share.Records, share.Missed, share.Verdict));
        Assert.Equal(Verdict.NoData, cells.Single(c => c.Rule == StandardRule.WaitsCalledInTime && c.UnitId == CounterB).Verdict);
        var longest = cells.Single(c => c.Rule == StandardRule.LongestWait && c.UnitId == CounterA);
        Assert.Equal((12.5, Verdict.Yellow), (longest.Value!.Value, longest.Verdict));
        // No wait at counter B, which did call in time: 0 minutes is within the rule.
        var withCall = StandardFigures.Compute(Hall, StandardScope.Counter, [Rule(StandardRule.LongestWait)], [.. facts, Call(true, CounterB, Staff2)],
            [CounterA, CounterB]);
        Assert.Equal(Verdict.Green, withCall.Single(c => c.UnitId == CounterB).Verdict);
    }

    [Fact]
    public void Compute_UnitWithoutAnyRecord_NoDataForEveryRule()
    {
        // A week the hall was closed: no call, no alert, nothing — neither kept (green) nor broken.
        var rules = StandardCatalog.Rules.Select(r => Rule(r.Rule)).ToList();
        var cells = StandardFigures.Compute(Hall, StandardScope.Hall, rules, [], [Hall]);
        Assert.Equal(rules.Count, cells.Count);
        Assert.All(cells, c => Assert.Equal((Verdict.NoData, (double?)null), (c.Verdict, c.Value)));
        Assert.Null(RankHallStandards.Score(cells.Count(c => c.Verdict == Verdict.Green), 0, 0));
        // A counter nobody staffed gets no data, the one that called gets its figures.
        var counters = StandardFigures.Compute(Hall, StandardScope.Counter, [Rule(StandardRule.LongestWait), Rule(StandardRule.UnstaffedMinutes)],
            [Call(true, CounterA, Staff1)], [CounterA, CounterB]);
        Assert.All(counters.Where(c => c.UnitId == CounterA), c => Assert.Equal(Verdict.Green, c.Verdict));
        Assert.All(counters.Where(c => c.UnitId == CounterB), c => Assert.Equal(Verdict.NoData, c.Verdict));
    }

    [Fact]
    public void Compute_RuleNotNamingTheScope_LeftOut()
    {
        var expired = new StandardFact(StandardRule.ExpiredTickets, Today, Guid.NewGuid(), null, null, 1, null, "A003");
        Assert.Empty(StandardFigures.Compute(Hall, StandardScope.Counter, [Rule(StandardRule.ExpiredTickets)], [expired], [CounterA]));
        var hall = Assert.Single(StandardFigures.Compute(Hall, StandardScope.Hall, [Rule(StandardRule.ExpiredTickets)], [expired], [Hall]));
        Assert.Equal((1.0, Verdict.Yellow), (hall.Value!.Value, hall.Verdict));
    }

    [Fact]
    public void Compute_TotalMinutes_Summed()
    {
        var unstaffed = new[] { 4.0, 7.5 }.Select(m => new StandardFact(StandardRule.UnstaffedMinutes, Today, null, CounterA, null, m, null, "09:00–09:04"));
        var cell = Assert.Single(StandardFigures.Compute(Hall, StandardScope.Counter, [Rule(StandardRule.UnstaffedMinutes)], unstaffed, [CounterA]));
        Assert.Equal((11.5, Verdict.Yellow), (cell.Value!.Value, cell.Verdict));
    }

    [Fact]
    public void Breaches_WaitOverLimit_RedCardToCounter_StaffBehindMostRecords_OnlyBreakingRecords()
    {
        var facts = new[] { Wait(11, CounterA, Staff1, number: "A010"), Wait(14, CounterA, Staff2, number: "A011"), Wait(13, CounterA, Staff2, number: "A012"),
            Wait(2, CounterA, Staff1, number: "A013") };
        var breach = Assert.Single(CardRules.Breaches(Hall, [Rule(StandardRule.LongestWait)], facts, Today));
        Assert.Equal((StandardScope.Counter, CounterA, CardColour.Red, 14.0, 10, Staff2, CounterA),
            (breach.Unit, breach.UnitId, breach.Colour, breach.Figure, breach.Threshold, breach.StaffUserId, breach.CounterId));
        Assert.Equal(["A010", "A011", "A012"], breach.Records);
    }

    [Fact]
    public void Breaches_Share_JudgedOnlyOnceTheDayIsOver()
    {
        var rules = new[] { Rule(StandardRule.WaitsCalledInTime) };
        Assert.Empty(CardRules.Breaches(Hall, rules, [Call(false, CounterA, Staff1)], Today));
        var breach = Assert.Single(CardRules.Breaches(Hall, rules, [Call(false, CounterA, Staff1, Today.AddDays(-1))], Today));
        Assert.Equal((CardColour.Red, Today.AddDays(-1), 0.0, 80), (breach.Colour, breach.Day, breach.Figure, breach.Threshold));
    }

    [Fact]
    public void Breaches_OnePerUnitAndDay_NoneUnderNoCardRule()
    {
        var facts = new[] { Wait(11, CounterA, Staff1), Wait(12, CounterA, Staff1, Today.AddDays(-1)), Wait(30, CounterB, Staff2) };
        var breaches = CardRules.Breaches(Hall, [Rule(StandardRule.LongestWait)], facts, Today).ToList();
        Assert.Equal(3, breaches.Count);
        Assert.Equal(3, breaches.Select(b => (b.UnitId, b.Day)).Distinct().Count());
        Assert.Empty(CardRules.Breaches(Hall, [Rule(StandardRule.LongestWait, CardPolicy.None)], facts, Today));
    }

    [Fact]
    public void JoinRecords_KeepsWholeRecordsWithinTheColumn()
    {
        var joined = ScanStandardCards.JoinRecords(Enumerable.Range(0, 30).Select(i => new string('x', 100) + i));
        Assert.True(joined.Length <= StandardCard.MaxRecordsLength);
        Assert.All(joined.Split(StandardCard.RecordSeparator), r => Assert.StartsWith(new string('x', 100), r));
    }
}
