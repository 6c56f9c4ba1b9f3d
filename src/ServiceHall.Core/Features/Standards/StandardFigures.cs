namespace ServiceHall.Core.Features.Standards;

/// <summary>
/// One record a rule judges: a call, an alert, a sign-in, a case… with the hall day it belongs to and the
/// department, counter and staff member it names. <paramref name="Met"/> for a share (kept or not),
/// <paramref name="Value"/> for minutes (1 for a count). <paramref name="Record"/> names it for people (a ticket
/// or case number, a time), never in words of one language. A fact from a day's tally (ADR-026) stands for
/// <paramref name="Weight"/> records of one day and unit: <paramref name="Kept"/> of them kept the rule (calls within
/// the item's limit), <paramref name="Value"/> is their largest wait, their sum of minutes, or 1 for a count.
/// </summary>
public sealed record StandardFact(StandardRule Rule, DateOnly Day, Guid? DepartmentId, Guid? CounterId, Guid? StaffUserId,
    double Value, bool? Met, string Record, int Weight = 1, int? Kept = null)
{
    public Guid? Unit(StandardScope scope, Guid hallId) => scope switch
    {
        StandardScope.Hall => hallId,
        StandardScope.Department => DepartmentId,
        StandardScope.Counter => CounterId,
        _ => StaffUserId,
    };

    /// <summary>The records a card names: those that broke the rule (a missed share, minutes over the limit, every counted one).</summary>
    public bool Breaks(StandardMeasure measure, StandardThreshold threshold) => measure switch
    {
        StandardMeasure.Percent => Met == false,
        StandardMeasure.MaxMinutes => Value > threshold.Yellow,
        StandardMeasure.TotalMinutes => Value > 0,
        _ => true,
    };

    /// <summary>How many of the records kept a share.</summary>
    public int KeptCount => Kept ?? (Met == true ? Weight : 0);

    /// <summary>
    /// How many of the records broke the rule. Of a tally's calls whose longest wait is over the threshold, those over
    /// the item's limit (the commitment) are the breaking ones.
    /// </summary>
    public int Missed(StandardMeasure measure, StandardThreshold threshold) => measure switch
    {
        StandardMeasure.Percent when Kept is { } kept => Weight - kept,
        StandardMeasure.MaxMinutes when Kept is { } kept => Value > threshold.Yellow ? Weight - kept : 0,
        _ => Breaks(measure, threshold) ? Weight : 0,
    };
}

/// <summary>A rule's figure for one unit (the hall, a department, a counter, a staff member) and its verdict.</summary>
/// <param name="Records">How many records the figure covers.</param>
/// <param name="Missed">How many of them broke the rule.</param>
public sealed record StandardCell(StandardRule Rule, Guid UnitId, double? Value, int Records, int Missed, Verdict Verdict);

/// <summary>The days of a period: a day, the week from Monday, the calendar month.</summary>
public static class StandardPeriods
{
    /// <returns>The first day and the day after the last.</returns>
    public static (DateOnly From, DateOnly Until) Range(StandardPeriod period, DateOnly date) => period switch
    {
        StandardPeriod.Day => (date, date.AddDays(1)),
        StandardPeriod.Week => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(7 - (((int)date.DayOfWeek + 6) % 7))),
        _ => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1)),
    };

    /// <summary>The <paramref name="count"/> periods ending with the one holding <paramref name="date"/>, oldest first.</summary>
    public static List<(DateOnly From, DateOnly Until)> Last(StandardPeriod period, DateOnly date, int count)
    {
        var periods = new List<(DateOnly, DateOnly)>();
        var (from, until) = Range(period, date);
        for (var i = 0; i < count; i++)
        {
            periods.Insert(0, (from, until));
            (from, until) = Range(period, from.AddDays(-1));
        }
        return periods;
    }
}

/// <summary>Figures and verdicts from the records, per rule and unit. Pure.</summary>
public static class StandardFigures
{
    public static double? Figure(StandardMeasure measure, IReadOnlyCollection<StandardFact> facts) => measure switch
    {
        StandardMeasure.Percent => Records(facts) is var records and > 0 ? Math.Round(100.0 * facts.Sum(f => f.KeptCount) / records, 1) : null,
        StandardMeasure.MaxMinutes => facts.Count == 0 ? 0 : Math.Round(facts.Max(f => f.Value), 1),
        StandardMeasure.TotalMinutes => Math.Round(facts.Sum(f => f.Value), 1),
        _ => Records(facts),
    };

    /// <summary>How many records the facts stand for.</summary>
    public static int Records(IReadOnlyCollection<StandardFact> facts) => facts.Sum(f => f.Weight);

    /// <summary>
    /// Every rule × unit of the scope: a unit without records of a rule gets no data for a share and 0 (green)
    /// for minutes and counts; a unit without any record in the period (a closed week, a counter nobody staffed)
    /// gets no data for every rule, so that an empty period is neither kept nor broken; a rule whose records never
    /// name the scope's units is left out of that scope.
    /// </summary>
    public static List<StandardCell> Compute(Guid hallId, StandardScope scope, IReadOnlyList<StandardRuleView> rules,
        IEnumerable<StandardFact> facts, IEnumerable<Guid> units)
    {
        var unitList = units.ToList();
        var grouped = facts.GroupBy(f => (f.Rule, Unit: f.Unit(scope, hallId)))
            .Where(g => g.Key.Unit is not null)
            .ToDictionary(g => (g.Key.Rule, g.Key.Unit!.Value), g => (IReadOnlyCollection<StandardFact>)g.ToList());
        var recorded = grouped.Keys.Select(k => k.Item2).ToHashSet();
        var cells = new List<StandardCell>();
        foreach (var rule in rules)
        {
            var info = StandardCatalog.Info(rule.Rule);
            if (!info.Applies(scope))
                continue;
            foreach (var unit in unitList)
                cells.Add(recorded.Contains(unit) ? Cell(rule, unit, grouped.GetValueOrDefault((rule.Rule, unit)) ?? [])
                    : new StandardCell(rule.Rule, unit, null, 0, 0, Verdict.NoData));
        }
        return cells;
    }

    public static StandardCell Cell(StandardRuleView rule, Guid unit, IReadOnlyCollection<StandardFact> facts)
    {
        var figure = Figure(rule.Measure, facts);
        return new StandardCell(rule.Rule, unit, figure, Records(facts), facts.Sum(f => f.Missed(rule.Measure, rule.Threshold)),
            Verdicts.Judge(rule.Measure, rule.Threshold, figure));
    }
}
