namespace ServiceHall.Core.Features.Dashboard;

/// <summary>How an item's queue looks on the supervisor's dashboard.</summary>
public enum QueueColour
{
    Green,
    /// <summary>Near a threshold: time to open a counter before the alert (Q5 "及时分流").</summary>
    Amber,
    /// <summary>Over a threshold: an alert is (or is about to be) open.</summary>
    Red,
}

/// <summary>
/// The dashboard's colour of a queue from the item's alert thresholds (Q5): red over either threshold
/// (the same test as the queue overview), amber from <see cref="NearShare"/> of either, else green.
/// </summary>
public static class QueueColours
{
    /// <summary>Amber from 80 % of a threshold: 8 people of 10, or 8 minutes of 10.</summary>
    public const double NearShare = 0.8;

    public static QueueColour For(int waiting, int oldestWaitMinutes, int maxWaiting, int maxWaitMinutes)
    {
        if (waiting <= 0)
            return QueueColour.Green;
        if (waiting > maxWaiting || oldestWaitMinutes > maxWaitMinutes)
            return QueueColour.Red;
        if (waiting >= Near(maxWaiting) || oldestWaitMinutes >= Near(maxWaitMinutes))
            return QueueColour.Amber;
        return QueueColour.Green;
    }

    // At least 1, so that a threshold of 1 turns amber at its first ticket rather than never.
    private static int Near(int threshold) => Math.Max(1, (int)Math.Ceiling(threshold * NearShare));
}
