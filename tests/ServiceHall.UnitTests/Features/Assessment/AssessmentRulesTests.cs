using ServiceHall.Core.Features.Assessment;

namespace ServiceHall.UnitTests.Features.Assessment;

public class AssessmentRulesTests
{
    [Fact]
    public void DefaultWeights_AddUpTo100_EveryIndicatorOnce()
    {
        Assert.Equal(100, AssessmentRules.Indicators.Sum(r => r.DefaultWeight));
        Assert.Equal(Enum.GetValues<AssessmentIndicator>(), AssessmentRules.Indicators.Select(r => r.Indicator));
    }

    [Theory]
    [InlineData(40, 80, 50)]
    [InlineData(80, 80, 100)]
    [InlineData(0, 80, 0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(0, 0, 0)]
    public void TicketsServed_AgainstTheMonthsBest(double served, double best, double points) =>
        Assert.Equal(points, AssessmentRules.Points(AssessmentIndicator.TicketsServed, served, best));

    [Theory]
    [InlineData(80.0, 100)]
    [InlineData(100.0, 100)]
    [InlineData(112.5, 87.5)]
    [InlineData(250.0, 0)]
    [InlineData(null, 100)]
    public void ServiceTime_LosesAPointPerPercentOverTheStandard(double? percent, double points) =>
        Assert.Equal(points, AssessmentRules.Points(AssessmentIndicator.ServiceTime, percent));

    [Theory]
    [InlineData(75.0, 75)]
    [InlineData(100.0, 100)]
    [InlineData(null, 100)]
    public void Satisfaction_IsTheRate(double? rate, double points) =>
        Assert.Equal(points, AssessmentRules.Points(AssessmentIndicator.Satisfaction, rate));

    [Theory]
    [InlineData(AssessmentIndicator.WaitsOverTarget, 3, 85)]
    [InlineData(AssessmentIndicator.WaitsOverTarget, 25, 0)]
    [InlineData(AssessmentIndicator.ComplaintsUpheld, 1, 80)]
    [InlineData(AssessmentIndicator.ComplaintsUpheld, 6, 0)]
    [InlineData(AssessmentIndicator.ConductFindings, 2, 80)]
    [InlineData(AssessmentIndicator.Late, 3, 94)]
    [InlineData(AssessmentIndicator.EarlyLeave, 1, 98)]
    [InlineData(AssessmentIndicator.Absence, 2, 80)]
    [InlineData(AssessmentIndicator.Absence, 11, 0)]
    [InlineData(AssessmentIndicator.YellowCards, 2, 90)]
    [InlineData(AssessmentIndicator.RedCards, 1, 85)]
    [InlineData(AssessmentIndicator.RedCards, 0, 100)]
    public void Deductions_PerRecord_FloorZero(AssessmentIndicator indicator, double count, double points) =>
        Assert.Equal(points, AssessmentRules.Points(indicator, count));

    [Fact]
    public void Attendance_OnlyForStaff()
    {
        foreach (var indicator in new[] { AssessmentIndicator.Late, AssessmentIndicator.EarlyLeave, AssessmentIndicator.Absence })
        {
            Assert.True(AssessmentRules.Applies(indicator, AssessmentScope.Staff));
            Assert.False(AssessmentRules.Applies(indicator, AssessmentScope.Counter));
            Assert.False(AssessmentRules.Applies(indicator, AssessmentScope.Department));
        }
        Assert.True(AssessmentRules.Applies(AssessmentIndicator.RedCards, AssessmentScope.Department));
    }

    [Fact]
    public void IndicatorScore_WeightedMean_ZeroWeightsLeftOut()
    {
        Assert.Equal(81.3, AssessmentRules.IndicatorScore([(100, 30), (75, 90), (0, 0)]));
        Assert.Equal(0, AssessmentRules.IndicatorScore([(100, 0)]));
    }

    [Fact]
    public void Total_AddsManualPoints_NeverBelowZero()
    {
        Assert.Equal(85.5, AssessmentRules.Total(80.5, 5));
        Assert.Equal(0, AssessmentRules.Total(10, -20));
    }

    [Fact]
    public void Rank_TiesShareTheBetterRank_NextRankSkips() =>
        Assert.Equal([2, 1, 2, 4, 5], AssessmentRules.Rank([90, 95, 90, 80, 0]));

    [Fact]
    public void Rank_AllEqual_AllFirst() => Assert.Equal([1, 1, 1], AssessmentRules.Rank([50, 50, 50]));
}

public class AssessmentScoringTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Counter1 = Guid.NewGuid();

    private static AssessmentFact Served(Guid staff, double minutes, double standard) =>
        new(staff, Counter1, null, new(AssessmentIndicator.ServiceTime, Guid.NewGuid(), "A001", null, null, null, minutes, standard, null, null));

    private static AssessmentFact Count(Guid staff, AssessmentIndicator indicator) =>
        new(staff, Counter1, null, new(indicator, Guid.NewGuid(), "", null, null, null, null, null, null, null));

    private static AssessmentFact Rated(Guid staff, bool good) =>
        new(staff, Counter1, null, new(AssessmentIndicator.Satisfaction, Guid.NewGuid(), "A001", null, null, null, good ? 1 : 0, null, null, null));

    private static List<IndicatorWeight> Weights(params (AssessmentIndicator Indicator, int Weight)[] own) =>
        [.. AssessmentRules.Indicators.Select(r => new IndicatorWeight(r.Indicator, own.FirstOrDefault(o => o.Indicator == r.Indicator).Weight, true))];

    [Fact]
    public void Figures_ServiceTimeAndSatisfaction_AsPercent()
    {
        Assert.Equal(125, AssessmentScoring.Figure(AssessmentIndicator.ServiceTime, [Served(Ann, 10, 5), Served(Ann, 2.5, 5)]));
        Assert.Null(AssessmentScoring.Figure(AssessmentIndicator.ServiceTime, []));
        Assert.Equal(66.7, AssessmentScoring.Figure(AssessmentIndicator.Satisfaction, [Rated(Ann, true), Rated(Ann, true), Rated(Ann, false)]));
        Assert.Null(AssessmentScoring.Figure(AssessmentIndicator.Satisfaction, []));
        Assert.Equal(2, AssessmentScoring.Figure(AssessmentIndicator.Late, [Count(Ann, AssessmentIndicator.Late), Count(Ann, AssessmentIndicator.Late)]));
    }

    [Fact]
    public void Figures_FromSums_AreThoseOfTheRecordsOneByOne()
    {
        // A day tally's row or a group of ratings stands for its records: 2 services of 12.5 minutes against 10, 2 good of 3.
        Assert.Equal(125, AssessmentScoring.Figure(AssessmentIndicator.ServiceTime,
            [AssessmentFact.Sum(Ann, Counter1, null, AssessmentIndicator.ServiceTime, 2, 12.5, 10)]));
        Assert.Equal(66.7, AssessmentScoring.Figure(AssessmentIndicator.Satisfaction,
            [AssessmentFact.Sum(Ann, Counter1, null, AssessmentIndicator.Satisfaction, 2, 2, null), Rated(Ann, false)]));
        Assert.Equal(3, AssessmentScoring.Figure(AssessmentIndicator.WaitsOverTarget,
            [AssessmentFact.Sum(Ann, Counter1, null, AssessmentIndicator.WaitsOverTarget, 2, null, null), Count(Ann, AssessmentIndicator.WaitsOverTarget)]));

        // The month's best counts the sums too: Bob's 3 in one tally row beat Ann's 2 single records.
        AssessmentUnit[] units = [new(AssessmentScope.Staff, Ann, "Ann", "9001"), new(AssessmentScope.Staff, Bob, "Bob", "9002")];
        var rows = AssessmentScoring.Score(AssessmentScope.Staff, units,
            [Count(Ann, AssessmentIndicator.TicketsServed), Count(Ann, AssessmentIndicator.TicketsServed),
                AssessmentFact.Sum(Bob, Counter1, null, AssessmentIndicator.TicketsServed, 3, null, null)],
            Weights((AssessmentIndicator.TicketsServed, 100)), new Dictionary<Guid, double>());
        Assert.Equal([("Bob", 100.0), ("Ann", 66.7)], rows.Select(r => (r.Name, r.Total)));
    }

    [Fact]
    public void Score_ServedAgainstTheHallsTarget_PerDayAttended_StaffOnly()
    {
        var cy = Guid.NewGuid();
        AssessmentUnit[] units = [new(AssessmentScope.Staff, Ann, "Ann", "9001"), new(AssessmentScope.Staff, Bob, "Bob", "9002"),
            new(AssessmentScope.Staff, cy, "Cy", "9003"), new(AssessmentScope.Counter, Counter1, "1号窗口", null)];
        List<AssessmentFact> facts =
        [
            AssessmentFact.Sum(Ann, Counter1, null, AssessmentIndicator.TicketsServed, 6, null, null),
            AssessmentFact.Sum(Bob, Counter1, null, AssessmentIndicator.TicketsServed, 3, null, null),
            AssessmentFact.Sum(cy, Counter1, null, AssessmentIndicator.TicketsServed, 2, null, null),
        ];
        var weights = Weights((AssessmentIndicator.TicketsServed, 50), (AssessmentIndicator.RedCards, 50));
        // 2 a day: Ann attended 4 days (6 of 8: 75), Bob 1 (3 of 2: capped at 100), Cy none (no target: served is left out).
        var target = new ServedTarget(2, new Dictionary<Guid, int> { [Ann] = 4, [Bob] = 1 });

        var rows = AssessmentScoring.Score(AssessmentScope.Staff, units, facts, weights, new Dictionary<Guid, double>(), target);
        AssessmentFigure Served(string name) => rows.Single(r => r.Name == name).Figures.Single(f => f.Indicator == AssessmentIndicator.TicketsServed);
        Assert.Equal((6.0, 75.0, 8.0, true), (Served("Ann").Figure!.Value, Served("Ann").Points, Served("Ann").Target!.Value, Served("Ann").Applies));
        Assert.Equal((100.0, 2.0), (Served("Bob").Points, Served("Bob").Target!.Value));
        Assert.False(Served("Cy").Applies);
        Assert.Equal([("Bob", 100.0), ("Cy", 100.0), ("Ann", 87.5)], rows.Select(r => (r.Name, r.Total)));

        // Without the target the month's best (Ann's 6) is the measure; a counter keeps it with the target too.
        var best = AssessmentScoring.Score(AssessmentScope.Staff, units, facts, weights, new Dictionary<Guid, double>());
        Assert.Equal(50, best.Single(r => r.Name == "Bob").Figures[0].Points);
        Assert.Null(best.Single(r => r.Name == "Bob").Figures[0].Target);
        var counter = Assert.Single(AssessmentScoring.Score(AssessmentScope.Counter, units, facts, weights, new Dictionary<Guid, double>(), target));
        Assert.Equal((11.0, 100.0, (double?)null), (counter.Figures[0].Figure!.Value, counter.Figures[0].Points, counter.Figures[0].Target));
    }

    [Fact]
    public void Score_WeightedTotalsManualPointsAndTies()
    {
        AssessmentUnit[] units = [new(AssessmentScope.Staff, Ann, "Ann", "9001"), new(AssessmentScope.Staff, Bob, "Bob", "9002")];
        List<AssessmentFact> facts =
        [
            Count(Ann, AssessmentIndicator.TicketsServed), Count(Ann, AssessmentIndicator.TicketsServed),
            Count(Bob, AssessmentIndicator.TicketsServed),
            Count(Bob, AssessmentIndicator.RedCards),
        ];
        var weights = Weights((AssessmentIndicator.TicketsServed, 50), (AssessmentIndicator.RedCards, 50));

        var rows = AssessmentScoring.Score(AssessmentScope.Staff, units, facts, weights, new Dictionary<Guid, double>());
        // Ann: served 2 of best 2 → 100, no card → 100. Bob: 1 of 2 → 50, one red card → 85; (50 + 85) / 2.
        Assert.Equal([("Ann", 100.0, 1), ("Bob", 67.5, 2)], rows.Select(r => (r.Name, r.Total, r.Rank)));
        var bobRed = rows[1].Figures.Single(f => f.Indicator == AssessmentIndicator.RedCards);
        Assert.Equal((1.0, 85.0, 50), (bobRed.Figure!.Value, bobRed.Points, bobRed.Weight));

        var tied = AssessmentScoring.Score(AssessmentScope.Staff, units, facts, weights, new Dictionary<Guid, double> { [Bob] = 20, [Ann] = -12.5 });
        Assert.Equal([("Ann", 87.5, 1), ("Bob", 87.5, 1)], tied.Select(r => (r.Name, r.Total, r.Rank)));
    }

    [Fact]
    public void Score_Counter_LeavesAttendanceOut()
    {
        AssessmentUnit[] units = [new(AssessmentScope.Counter, Counter1, "1号窗口", null)];
        var rows = AssessmentScoring.Score(AssessmentScope.Counter, units, [Count(Ann, AssessmentIndicator.TicketsServed)],
            Weights((AssessmentIndicator.TicketsServed, 50), (AssessmentIndicator.Absence, 50)), new Dictionary<Guid, double>());
        var row = Assert.Single(rows);
        Assert.Equal(100, row.Total);
        Assert.False(row.Figures.Single(f => f.Indicator == AssessmentIndicator.Absence).Applies);
    }
}
