namespace ServiceHall.Core.Features.Queue;

/// <summary>Who is ahead of a ticket in its own item, for the position printed on it.</summary>
public static class QueueLanes
{
    public static int Rank(TicketPriority priority) => priority switch
    {
        TicketPriority.Emergency => 0,
        TicketPriority.Normal => 2,
        _ => 1,
    };

    /// <summary>Priorities whose waiting tickets go before a ticket of this priority.</summary>
    public static TicketPriority[] AheadOf(TicketPriority priority) =>
        Enum.GetValues<TicketPriority>().Where(p => Rank(p) <= Rank(priority)).ToArray();
}
