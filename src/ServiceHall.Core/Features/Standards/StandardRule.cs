namespace ServiceHall.Core.Features.Standards;

/// <summary>
/// The rules of the seeds that carry a figure (S9, 达标监察). Each is measured per day, week or month for
/// the hall, a department, a counter or a staff member, and judged green / yellow / red against the hall's
/// thresholds (<see cref="StandardThreshold"/>).
/// </summary>
public enum StandardRule
{
    /// <summary>Q5: share of calls made within the item's wait limit ("等候时间≤10分钟").</summary>
    WaitsCalledInTime,
    /// <summary>Q5: the longest wait before a call, minutes.</summary>
    LongestWait,
    /// <summary>Q5: minutes an item's queue stood over its limit ("排队超过10人"), from the queue alerts.</summary>
    QueueOverMinutes,
    /// <summary>Q5: share of queue alerts answered by opening a counter (or the queue shrinking) within N minutes.</summary>
    CounterOpenedOnAlert,
    /// <summary>Q6: minutes a counter stood unstaffed, or paused past its limit without a substitute, in service hours.</summary>
    UnstaffedMinutes,
    /// <summary>S3: share of days signed in by the due time ("提前10分钟到岗").</summary>
    OnTimeArrival,
    /// <summary>Q7: tickets issued before the cut-off that were never served (未办理).</summary>
    ExpiredTickets,
    /// <summary>M5: share of cases completed by their promised date.</summary>
    CasesOnTime,
    /// <summary>M5: cases whose promised date passed before completion.</summary>
    OverdueCases,
    /// <summary>M6: share of promised inquiry replies given in time.</summary>
    InquiriesOnTime,
    /// <summary>M3: share of one-time notices issued within N working days of registration (行政许可法 art. 32: 5).</summary>
    NoticesInTime,
    /// <summary>S1: share of bad ratings called back by their call-back day.</summary>
    CallbacksInTime,
    /// <summary>S1: share of bad ratings' follow-ups rectified (or settled) by their deadline.</summary>
    RectifiedInTime,
    /// <summary>S2: share of complaints replied to by their reply deadline.</summary>
    ComplaintsRepliedInTime,
    /// <summary>S2: share of complaints closed by their closing deadline.</summary>
    ComplaintsClosedInTime,
    /// <summary>S4: confirmed forbidden-phrase findings.</summary>
    ConductFindings,
    /// <summary>Q2 (fairness): calls out of order, each with its reason.</summary>
    CallsOutOfOrder,
}

/// <summary>How a rule's figure is formed and which way is better.</summary>
public enum StandardMeasure
{
    /// <summary>Share of records that kept the rule, 0–100; higher is better.</summary>
    Percent,
    /// <summary>The largest value (minutes); lower is better.</summary>
    MaxMinutes,
    /// <summary>The sum of minutes; lower is better.</summary>
    TotalMinutes,
    /// <summary>How many records; lower is better.</summary>
    Count,
}

public enum StandardScope
{
    Hall,
    Department,
    Counter,
    Staff,
}

public enum StandardPeriod
{
    Day,
    Week,
    Month,
}

public enum Verdict
{
    /// <summary>Nothing to judge: no record the rule applies to.</summary>
    NoData,
    Green,
    Yellow,
    Red,
}

/// <summary>Which card a breach gives (the hall's rule): none, always 预警 (yellow), always 督办 (red), or the verdict's colour.</summary>
public enum CardPolicy
{
    None,
    Yellow,
    Red,
    ByVerdict,
}

public enum CardColour
{
    /// <summary>预警.</summary>
    Yellow,
    /// <summary>督办.</summary>
    Red,
}

/// <summary>What a rule is: its ID in DESIGN.md, its measure, where it applies, who answers for a breach, its defaults.</summary>
/// <param name="Scopes">The scopes its records name (an expired ticket names no counter).</param>
/// <param name="Responsible">Who a card for a breach goes to.</param>
/// <param name="Parameter">The rule's own number, where it has one (minutes to open a counter, working days for a notice).</param>
public sealed record StandardRuleInfo(StandardRule Rule, string Code, StandardMeasure Measure, StandardScope[] Scopes, StandardScope Responsible,
    StandardThreshold Defaults, (int Min, int Max)? ParameterRange = null)
{
    public bool Applies(StandardScope scope) => scope == StandardScope.Hall || Scopes.Contains(scope);

    /// <summary>A share can swing until the day is over; a maximum, a sum or a count only grows, so a breach of it is final at once.</summary>
    public bool FinalDuringDay => Measure != StandardMeasure.Percent;

    public bool HigherIsBetter => Measure == StandardMeasure.Percent;
}

/// <summary>The rules with their defaults from the seeds (every number configurable per hall).</summary>
public static class StandardCatalog
{
    private static readonly StandardScope[] All = [StandardScope.Department, StandardScope.Counter, StandardScope.Staff];
    private static readonly StandardScope[] Departments = [StandardScope.Department];
    private static readonly StandardScope[] People = [StandardScope.Staff];

    public static readonly IReadOnlyList<StandardRuleInfo> Rules =
    [
        new(StandardRule.WaitsCalledInTime, "Q5", StandardMeasure.Percent, All, StandardScope.Counter, new(90, 80, CardPolicy.ByVerdict)),
        // The commitment is ≤ 10 minutes: any wait over it is a breach, and by default a 督办 card.
        new(StandardRule.LongestWait, "Q5", StandardMeasure.MaxMinutes, All, StandardScope.Counter, new(10, 20, CardPolicy.Red)),
        new(StandardRule.QueueOverMinutes, "Q5", StandardMeasure.TotalMinutes, Departments, StandardScope.Department, new(0, 30, CardPolicy.ByVerdict)),
        new(StandardRule.CounterOpenedOnAlert, "Q5", StandardMeasure.Percent, Departments, StandardScope.Department,
            new(100, 50, CardPolicy.ByVerdict, 10), (1, 120)),
        new(StandardRule.UnstaffedMinutes, "Q6", StandardMeasure.TotalMinutes, [StandardScope.Department, StandardScope.Counter],
            StandardScope.Counter, new(0, 15, CardPolicy.ByVerdict)),
        new(StandardRule.OnTimeArrival, "S3", StandardMeasure.Percent, People, StandardScope.Staff, new(100, 90, CardPolicy.Yellow)),
        new(StandardRule.ExpiredTickets, "Q7", StandardMeasure.Count, Departments, StandardScope.Department, new(0, 5, CardPolicy.ByVerdict)),
        // A late case is carded once, as overdue; the share is for the verdict table.
        new(StandardRule.CasesOnTime, "M5", StandardMeasure.Percent, All, StandardScope.Staff, new(100, 90, CardPolicy.None)),
        new(StandardRule.OverdueCases, "M5", StandardMeasure.Count, All, StandardScope.Staff, new(0, 0, CardPolicy.Red)),
        new(StandardRule.InquiriesOnTime, "M6", StandardMeasure.Percent, People, StandardScope.Staff, new(100, 80, CardPolicy.Yellow)),
        new(StandardRule.NoticesInTime, "M3", StandardMeasure.Percent, All, StandardScope.Staff, new(100, 90, CardPolicy.Yellow, 5), (1, 20)),
        new(StandardRule.CallbacksInTime, "S1", StandardMeasure.Percent, Departments, StandardScope.Department, new(100, 80, CardPolicy.ByVerdict)),
        new(StandardRule.RectifiedInTime, "S1", StandardMeasure.Percent, [StandardScope.Department, StandardScope.Staff], StandardScope.Department,
            new(100, 80, CardPolicy.ByVerdict)),
        new(StandardRule.ComplaintsRepliedInTime, "S2", StandardMeasure.Percent, [StandardScope.Department, StandardScope.Staff],
            StandardScope.Department, new(100, 80, CardPolicy.ByVerdict)),
        new(StandardRule.ComplaintsClosedInTime, "S2", StandardMeasure.Percent, [StandardScope.Department, StandardScope.Staff],
            StandardScope.Department, new(100, 80, CardPolicy.ByVerdict)),
        new(StandardRule.ConductFindings, "S4", StandardMeasure.Count, People, StandardScope.Staff, new(0, 2, CardPolicy.Yellow)),
        new(StandardRule.CallsOutOfOrder, "Q2", StandardMeasure.Count, All, StandardScope.Staff, new(5, 15, CardPolicy.None)),
    ];

    private static readonly Dictionary<StandardRule, StandardRuleInfo> ByRule = Rules.ToDictionary(r => r.Rule);

    public static StandardRuleInfo Info(StandardRule rule) => ByRule[rule];
}
