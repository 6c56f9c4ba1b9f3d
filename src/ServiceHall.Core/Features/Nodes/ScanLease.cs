namespace ServiceHall.Core.Features.Nodes;

/// <summary>
/// Which node runs a background scan (P6): the holder scans at each of its ticks and renews the lease;
/// the others skip. A node that dies stops renewing, and the first node to tick after the expiry takes over.
/// </summary>
public sealed class ScanLease
{
    /// <summary>The scan's name, e.g. <c>DeadlineMonitor</c>.</summary>
    public string Name { get; set; } = "";
    /// <summary>The node that holds it (<c>Node:Name</c>); null once released.</summary>
    public string? Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Rounds run under this lease, by every holder: operators and tests see one round per interval.</summary>
    public long Rounds { get; set; }
}
