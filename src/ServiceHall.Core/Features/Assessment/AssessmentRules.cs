namespace ServiceHall.Core.Features.Assessment;

/// <summary>What a monthly score is given to (S7).</summary>
public enum AssessmentScope
{
    Staff,
    Counter,
    Department,
}

/// <summary>The indicators of the monthly assessment; each turns one figure into 0–100 points (<see cref="AssessmentRules"/>).</summary>
public enum AssessmentIndicator
{
    /// <summary>Tickets finished in the month.</summary>
    TicketsServed,
    /// <summary>Minutes spent serving, as a percentage of the items' standard minutes for the same tickets.</summary>
    ServiceTime,
    /// <summary>Tickets called after waiting longer than their item's target (Q5).</summary>
    WaitsOverTarget,
    /// <summary>好评率 of the month's services, in percent.</summary>
    Satisfaction,
    /// <summary>Complaints about the unit registered in the month and closed as upheld.</summary>
    ComplaintsUpheld,
    /// <summary>Forbidden-phrase findings confirmed by a reviewer (S4).</summary>
    ConductFindings,
    /// <summary>Days late (S3).</summary>
    Late,
    /// <summary>Days left early (S3).</summary>
    EarlyLeave,
    /// <summary>Working days absent without leave (S3).</summary>
    Absence,
    /// <summary>Yellow cards (预警) of the month (S9).</summary>
    YellowCards,
    /// <summary>Red cards (督办) of the month (S9).</summary>
    RedCards,
}

/// <summary>Manual items recorded by a supervisor with a reason.</summary>
public enum ManualItemKind
{
    /// <summary>业务培训考试.</summary>
    Training,
    /// <summary>模拟接待.</summary>
    MockReception,
    /// <summary>仪容仪表检查.</summary>
    Appearance,
    /// <summary>表扬 / 锦旗.</summary>
    Commendation,
    Other,
}

/// <summary>One indicator as a hall weighs it, with the fixed step of its formula.</summary>
public sealed record IndicatorRule(AssessmentIndicator Indicator, int DefaultWeight, double Step, AssessmentScope[] Scopes);

/// <summary>
/// The pure rules of the monthly score (ADR-024): each indicator gives 0–100 points from its figure; the indicator score
/// is the weighted mean of the points of the indicators that apply to the scope; manual items and (after closing)
/// adjustments add their points to it. Units of a scope rank by total, equal totals share a rank.
/// </summary>
public static class AssessmentRules
{
    public const double MaxPoints = 100;
    public const int MaxWeight = 100;
    /// <summary>A manual item or adjustment moves a total by at most this many points either way.</summary>
    public const double MaxManualPoints = 20;
    /// <summary>The most a hall may set as its target of tickets served per staff member and working day attended.</summary>
    public const int MaxServedPerDay = 500;

    private static readonly AssessmentScope[] All = [AssessmentScope.Staff, AssessmentScope.Counter, AssessmentScope.Department];
    private static readonly AssessmentScope[] StaffOnly = [AssessmentScope.Staff];

    /// <summary>Every indicator in display order with its default weight (they add up to 100) and step.</summary>
    public static readonly IReadOnlyList<IndicatorRule> Indicators =
    [
        new(AssessmentIndicator.TicketsServed, 20, 0, All),
        new(AssessmentIndicator.ServiceTime, 10, 1, All),
        new(AssessmentIndicator.WaitsOverTarget, 10, 5, All),
        new(AssessmentIndicator.Satisfaction, 20, 0, All),
        new(AssessmentIndicator.ComplaintsUpheld, 10, 20, All),
        new(AssessmentIndicator.ConductFindings, 5, 10, All),
        new(AssessmentIndicator.Late, 5, 2, StaffOnly),
        new(AssessmentIndicator.EarlyLeave, 5, 2, StaffOnly),
        new(AssessmentIndicator.Absence, 5, 10, StaffOnly),
        new(AssessmentIndicator.YellowCards, 5, 5, All),
        new(AssessmentIndicator.RedCards, 5, 15, All),
    ];

    public static IndicatorRule Rule(AssessmentIndicator indicator) => Indicators.First(r => r.Indicator == indicator);

    /// <summary>Attendance is a person's: counters and departments are scored without it.</summary>
    public static bool Applies(AssessmentIndicator indicator, AssessmentScope scope) => Rule(indicator).Scopes.Contains(scope);

    /// <summary>
    /// The points of one figure. <paramref name="best"/> is the most tickets served by a unit of the same scope that month
    /// (served is scored against the month's best, so one formula fits a person, a counter and a department), unless the
    /// hall set its own target: then <paramref name="target"/> is the person's (the hall's target per day × days attended).
    /// A ratio or rate without a base (nothing served, nothing rated) gives full points: nothing went wrong.
    /// </summary>
    public static double Points(AssessmentIndicator indicator, double? figure, double best = 0, double? target = null)
    {
        var step = Rule(indicator).Step;
        return indicator switch
        {
            AssessmentIndicator.TicketsServed when target is { } goal => goal <= 0 ? 0 : Clamp(MaxPoints * (figure ?? 0) / goal),
            AssessmentIndicator.TicketsServed => best <= 0 ? 0 : Clamp(MaxPoints * (figure ?? 0) / best),
            // Over the standard time loses a point per percentage point; quicker than the standard earns nothing extra.
            AssessmentIndicator.ServiceTime => figure is { } percent ? Clamp(MaxPoints - step * Math.Max(0, percent - 100)) : MaxPoints,
            AssessmentIndicator.Satisfaction => figure is { } rate ? Clamp(rate) : MaxPoints,
            _ => Clamp(MaxPoints - step * (figure ?? 0)),
        };
    }

    /// <summary>The weighted mean of the points of the indicators that apply, rounded to 0.1; 0 when no weight applies.</summary>
    public static double IndicatorScore(IEnumerable<(double Points, int Weight)> parts)
    {
        var list = parts.Where(p => p.Weight > 0).ToList();
        var weights = list.Sum(p => p.Weight);
        return weights == 0 ? 0 : Round(list.Sum(p => p.Points * p.Weight) / weights);
    }

    /// <summary>The total: the indicator score plus manual points, never below 0.</summary>
    public static double Total(double indicatorScore, double manualPoints) => Round(Math.Max(0, indicatorScore + manualPoints));

    /// <summary>Competition ranking (1, 2, 2, 4): equal totals share the better rank.</summary>
    public static int[] Rank(IReadOnlyList<double> totals)
    {
        var ranks = new int[totals.Count];
        for (var i = 0; i < totals.Count; i++)
            ranks[i] = 1 + totals.Count(t => t > totals[i]);
        return ranks;
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static double Clamp(double points) => Round(Math.Clamp(points, 0, MaxPoints));
}

/// <summary>Refusals of this feature; each has a message in the web layer's shared resources.</summary>
public static class AssessmentErrors
{
    public const string MonthNotOver = "AssessmentMonthNotOver";
    public const string MonthClosed = "AssessmentMonthClosed";
    public const string MonthOpen = "AssessmentMonthOpen";
    public const string NoWeight = "AssessmentNoWeight";
    public const string UnitNotFound = "AssessmentUnitNotFound";
    public const string ManualItemNotFound = "AssessmentManualItemNotFound";
    public const string ManualItemRemoved = "AssessmentManualItemRemoved";
    public const string NotPublished = "AssessmentNotPublished";
}
