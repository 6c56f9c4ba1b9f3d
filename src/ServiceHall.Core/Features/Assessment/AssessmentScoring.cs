namespace ServiceHall.Core.Features.Assessment;

/// <summary>One indicator of one unit: its figure, the points it gives and the weight it carries.</summary>
/// <param name="Applies">
/// False for attendance of a counter or department, and for tickets served of a person without a day attended when the hall
/// set a target: no points, no weight.
/// </param>
/// <param name="Target">Tickets served of a person when the hall set a target: the hall's target per day × the person's days attended.</param>
public sealed record AssessmentFigure(AssessmentIndicator Indicator, double? Figure, double Points, int Weight, bool Applies, double? Target = null);

/// <summary>
/// The hall's target of tickets served per staff member and working day attended, with each person's days attended in the
/// month (S3: present, late or left early).
/// </summary>
public sealed record ServedTarget(int PerDay, IReadOnlyDictionary<Guid, int> DaysAttended)
{
    public int For(Guid staff) => PerDay * DaysAttended.GetValueOrDefault(staff);
}

/// <summary>One unit's month: every indicator, the weighted score, manual points, the total and its rank among the scope's units.</summary>
/// <param name="AdjustmentPoints">After closing: the recorded adjustments, shown beside the frozen <paramref name="Total"/>.</param>
/// <param name="AdjustedTotal">After closing: the frozen total with the adjustments; null while the month is open.</param>
public sealed record AssessmentRow(AssessmentScope Scope, Guid UnitId, string Name, string? BadgeNumber, List<AssessmentFigure> Figures,
    double IndicatorScore, double ManualPoints, double Total, int Rank, double AdjustmentPoints = 0, double? AdjustedTotal = null);

/// <summary>The weight an indicator carries in a hall; <paramref name="Custom"/> false while it is the default.</summary>
public sealed record IndicatorWeight(AssessmentIndicator Indicator, int Weight, bool Custom);

/// <summary>Turns a month's records (or their sums) into scored, ranked rows: pure, the same for a live month and for the snapshot taken at closing.</summary>
public static class AssessmentScoring
{
    /// <summary>
    /// The figure of an indicator from its facts — single records or sums of records (<see cref="AssessmentFact.Count"/>);
    /// null for a ratio without a base.
    /// </summary>
    public static double? Figure(AssessmentIndicator indicator, IReadOnlyCollection<AssessmentFact> facts) => indicator switch
    {
        AssessmentIndicator.ServiceTime => facts.Sum(f => f.Record.Standard ?? 0) is > 0 and var standard
            ? AssessmentRules.Round(100 * facts.Sum(f => f.Record.Value ?? 0) / standard)
            : null,
        // A rating's value is 1 for 非常满意, 满意 and 基本满意, 0 for a bad rating; a group's is its good ratings.
        AssessmentIndicator.Satisfaction => facts.Sum(f => f.Count) is > 0 and var rated
            ? AssessmentRules.Round(100 * facts.Sum(f => f.Record.Value ?? 0) / rated)
            : null,
        _ => facts.Sum(f => f.Count),
    };

    /// <param name="target">
    /// The hall's own target of tickets served, for staff only (a counter or department has no days attended and keeps the
    /// month's best); a person without a day attended has no target, and the indicator is left out of their score.
    /// </param>
    public static List<AssessmentRow> Score(AssessmentScope scope, IEnumerable<AssessmentUnit> units, IEnumerable<AssessmentFact> facts,
        IReadOnlyList<IndicatorWeight> weights, IReadOnlyDictionary<Guid, double> manualPoints, ServedTarget? target = null)
    {
        var list = units.Where(u => u.Scope == scope).ToList();
        var byUnit = facts.Where(f => f.UnitOf(scope) is not null).GroupBy(f => f.UnitOf(scope)!.Value)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.Record.Indicator).ToDictionary(x => x.Key, x => x.ToList()));
        IReadOnlyCollection<AssessmentFact> Facts(Guid unit, AssessmentIndicator indicator) =>
            byUnit.TryGetValue(unit, out var all) && all.TryGetValue(indicator, out var found) ? found : [];
        var best = list.Count == 0 ? 0 : list.Max(u => Facts(u.Id, AssessmentIndicator.TicketsServed).Sum(f => f.Count));

        var unranked = list.Select(u =>
        {
            var figures = weights.Select(w =>
            {
                var applies = AssessmentRules.Applies(w.Indicator, scope);
                if (!applies)
                    return new AssessmentFigure(w.Indicator, null, 0, 0, false);
                var figure = Figure(w.Indicator, Facts(u.Id, w.Indicator));
                if (w.Indicator == AssessmentIndicator.TicketsServed && scope == AssessmentScope.Staff && target is not null)
                {
                    var goal = target.For(u.Id);
                    return goal == 0
                        ? new AssessmentFigure(w.Indicator, figure, 0, 0, false, 0)
                        : new AssessmentFigure(w.Indicator, figure, AssessmentRules.Points(w.Indicator, figure, best, goal), w.Weight, true, goal);
                }
                return new AssessmentFigure(w.Indicator, figure, AssessmentRules.Points(w.Indicator, figure, best), w.Weight, true);
            }).ToList();
            var score = AssessmentRules.IndicatorScore(figures.Where(f => f.Applies).Select(f => (f.Points, f.Weight)));
            var manual = AssessmentRules.Round(manualPoints.GetValueOrDefault(u.Id));
            return new AssessmentRow(scope, u.Id, u.Name, u.BadgeNumber, figures, score, manual, AssessmentRules.Total(score, manual), 0);
        }).ToList();
        var ranks = AssessmentRules.Rank(unranked.Select(r => r.Total).ToList());
        return [.. unranked.Select((r, i) => r with { Rank = ranks[i] }).OrderBy(r => r.Rank)];
    }
}
