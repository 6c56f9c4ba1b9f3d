using System.Linq.Expressions;

namespace ServiceHall.Core.Features.Nodes;

/// <summary>
/// When a node may take a scan's lease, and for how long. One expression serves the database's
/// conditional update and the unit tests, so the rule tested is the rule run.
/// </summary>
public static class LeaseRule
{
    /// <summary>A lease lives this many scan periods: a holder that misses one tick (a pause, a slow round) keeps it.</summary>
    public const int PeriodsPerLease = 2;

    /// <summary>Never shorter than this, so that a scan of one second still survives a garbage collection.</summary>
    public static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(5);

    public static TimeSpan LeaseFor(TimeSpan period) =>
        period * PeriodsPerLease > MinimumLease ? period * PeriodsPerLease : MinimumLease;

    /// <summary>Free (never taken or released), already ours (renewal), or expired (its holder stopped renewing).</summary>
    public static Expression<Func<ScanLease, bool>> Takeable(string node, DateTime now) =>
        l => l.Holder == null || l.Holder == node || l.ExpiresAt <= now;

    public static bool MayTake(ScanLease lease, string node, DateTime now) => Takeable(node, now).Compile()(lease);
}
