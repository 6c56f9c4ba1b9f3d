namespace ServiceHall.Core.Features.Assessment;

/// <summary>One indicator of one unit: its figure, the points it gives and the weight it carries.</summary>
/// <param name="Applies">False for attendance of a counter or department: no points, no weight.</param>
public sealed record AssessmentFigure(AssessmentIndicator Indicator, double? Figure, double Points, int Weight, bool Applies);

/// <summary>One unit's month: every indicator, the weighted score, manual points, the total and its rank among the scope's units.</summary>
/// <param name="AdjustmentPoints">After closing: the recorded adjustments, shown beside the frozen <paramref name="Total"/>.</param>
/// <param name="AdjustedTotal">After closing: the frozen total with the adjustments; null while the month is open.</param>
public sealed record AssessmentRow(AssessmentScope Scope, Guid UnitId, string Name, string? BadgeNumber, List<AssessmentFigure> Figures,
    double IndicatorScore, double ManualPoints, double Total, int Rank, double AdjustmentPoints = 0, double? AdjustedTotal = null);

/// <summary>The weight an indicator carries in a hall; <paramref name="Custom"/> false while it is the default.</summary>
public sealed record IndicatorWeight(AssessmentIndicator Indicator, int Weight, bool Custom);

/// <summary>Turns a month's records into scored, ranked rows: pure, the same for a live month and for the snapshot taken at closing.</summary>
public static class AssessmentScoring
{
    /// <summary>The figure of an indicator from its records (<see cref="AssessmentRecord"/>); null for a ratio without a base.</summary>
    public static double? Figure(AssessmentIndicator indicator, IReadOnlyCollection<AssessmentRecord> records) => indicator switch
    {
        AssessmentIndicator.ServiceTime => records.Sum(r => r.Standard ?? 0) is > 0 and var standard
            ? AssessmentRules.Round(100 * records.Sum(r => r.Value ?? 0) / standard)
            : null,
        // A rating record's value is 1 for 非常满意, 满意 and 基本满意, 0 for a bad rating.
        AssessmentIndicator.Satisfaction => records.Count > 0 ? AssessmentRules.Round(100 * records.Sum(r => r.Value ?? 0) / records.Count) : null,
        _ => records.Count,
    };

    public static List<AssessmentRow> Score(AssessmentScope scope, IEnumerable<AssessmentUnit> units, IEnumerable<AssessmentFact> facts,
        IReadOnlyList<IndicatorWeight> weights, IReadOnlyDictionary<Guid, double> manualPoints)
    {
        var list = units.Where(u => u.Scope == scope).ToList();
        var byUnit = facts.Where(f => f.UnitOf(scope) is not null).GroupBy(f => f.UnitOf(scope)!.Value)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.Record.Indicator).ToDictionary(x => x.Key, x => x.Select(f => f.Record).ToList()));
        IReadOnlyCollection<AssessmentRecord> Records(Guid unit, AssessmentIndicator indicator) =>
            byUnit.TryGetValue(unit, out var all) && all.TryGetValue(indicator, out var records) ? records : [];
        var best = list.Count == 0 ? 0 : list.Max(u => Records(u.Id, AssessmentIndicator.TicketsServed).Count);

        var unranked = list.Select(u =>
        {
            var figures = weights.Select(w =>
            {
                var applies = AssessmentRules.Applies(w.Indicator, scope);
                if (!applies)
                    return new AssessmentFigure(w.Indicator, null, 0, 0, false);
                var figure = Figure(w.Indicator, Records(u.Id, w.Indicator));
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
