using ServiceHall.Core.Features.Complaints;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>What complaints are counted by.</summary>
public enum ComplaintDimension
{
    Channel,
    Category,
    /// <summary>The kind of subject: the hall, a counter, a staff member, an item.</summary>
    Subject,
    Department,
    Counter,
    Staff,
    Item,
}

/// <summary>A count against the period before it.</summary>
public enum Trend
{
    /// <summary>None in the period before.</summary>
    New,
    Rising,
    Steady,
    Falling,
}

/// <summary>What one complaint is counted under: its channel, category, subject kind and the department, counter, staff member or item it names.</summary>
public sealed record ComplaintFacts(ComplaintChannel Channel, ComplaintCategory Category, ComplaintSubject Subject, Guid? DepartmentId,
    Guid? CounterId, Guid? StaffUserId, Guid? ServiceItemId)
{
    /// <summary>The key under a dimension: the enum's name as the API writes it (camelCase), or the id; null when the complaint names none.</summary>
    public string? KeyOf(ComplaintDimension dimension) => dimension switch
    {
        ComplaintDimension.Channel => Camel(Channel),
        ComplaintDimension.Category => Camel(Category),
        ComplaintDimension.Subject => Camel(Subject),
        ComplaintDimension.Department => DepartmentId?.ToString(),
        ComplaintDimension.Counter => CounterId?.ToString(),
        ComplaintDimension.Staff => StaffUserId?.ToString(),
        _ => ServiceItemId?.ToString(),
    };

    private static string Camel(Enum value) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>
/// One row of a breakdown: a channel, category, department… with its complaints in the period and in the
/// period of the same length before it. <paramref name="Key"/> is the enum's name for channel, category and
/// subject in camelCase (the page words it), the id otherwise with <paramref name="Name"/>.
/// </summary>
public sealed record ComplaintCount(ComplaintDimension Dimension, string Key, string? Name, int Count, int Previous)
{
    public Trend Trend => ComplaintHotspots.TrendOf(Count, Previous);
}

/// <summary>
/// S2 ("每一个投诉件都应引起重视，及时总结和改进"): complaints counted per dimension, and the recurring issues (热点) —
/// the categories, departments, counters, staff members and items named by more than one complaint of the period,
/// most first, each with its trend against the period before. Pure: the caller reads the complaints.
/// </summary>
public static class ComplaintHotspots
{
    /// <summary>A matter named twice in a period recurs; once may be chance.</summary>
    public const int MinimumRecurrence = 2;

    /// <summary>At most this many 热点 are listed: a manager acts on the first few.</summary>
    public const int MaxHotspots = 10;

    /// <summary>The dimensions a recurring issue is looked for in: what the hall can improve, not how complaints came in.</summary>
    public static readonly ComplaintDimension[] HotspotDimensions =
        [ComplaintDimension.Category, ComplaintDimension.Item, ComplaintDimension.Counter, ComplaintDimension.Staff, ComplaintDimension.Department];

    private static readonly string OtherKey = new ComplaintFacts(default, ComplaintCategory.Other, default, null, null, null, null)
        .KeyOf(ComplaintDimension.Category)!;

    public static Trend TrendOf(int count, int previous) =>
        previous == 0 ? Trend.New : count > previous ? Trend.Rising : count < previous ? Trend.Falling : Trend.Steady;

    /// <summary>
    /// The counts of one dimension, most first; complaints that name nothing under it are left out. A key seen only in the
    /// period before is listed with 0, so a matter that stopped is visible too.
    /// </summary>
    public static List<ComplaintCount> Count(IReadOnlyCollection<ComplaintFacts> current, IReadOnlyCollection<ComplaintFacts> previous,
        ComplaintDimension dimension, Func<string, string?> nameOf)
    {
        var now = Tally(current, dimension);
        var before = Tally(previous, dimension);
        return now.Keys.Union(before.Keys)
            .Select(key => new ComplaintCount(dimension, key, nameOf(key), now.GetValueOrDefault(key), before.GetValueOrDefault(key)))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Previous).ThenBy(c => c.Name ?? c.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The recurring issues among the breakdowns: named at least <see cref="MinimumRecurrence"/> times, "other" left out.</summary>
    public static List<ComplaintCount> Hotspots(IEnumerable<ComplaintCount> counts) =>
        counts.Where(c => HotspotDimensions.Contains(c.Dimension) && c.Count >= MinimumRecurrence
                && !(c.Dimension == ComplaintDimension.Category && c.Key == OtherKey))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Count - c.Previous)
            .ThenBy(c => Array.IndexOf(HotspotDimensions, c.Dimension)).ThenBy(c => c.Name ?? c.Key, StringComparer.Ordinal)
            .Take(MaxHotspots).ToList();

    private static Dictionary<string, int> Tally(IEnumerable<ComplaintFacts> complaints, ComplaintDimension dimension) =>
        complaints.Select(c => c.KeyOf(dimension)).OfType<string>().GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
}
