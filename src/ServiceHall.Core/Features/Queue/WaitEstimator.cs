namespace ServiceHall.Core.Features.Queue;

/// <summary>The estimate printed on a ticket: people ahead shared among the counters serving the item.</summary>
public static class WaitEstimator
{
    public static int EstimateMinutes(int peopleAhead, double averageServiceMinutes, int servingCounters)
    {
        if (peopleAhead <= 0)
            return 0;
        var counters = Math.Max(1, servingCounters);
        // Rounded first so that 100 × 1.1 / 10 = 11.000000000000002 is 11 minutes, not 12.
        return (int)Math.Ceiling(Math.Round(peopleAhead * Math.Max(0.5, averageServiceMinutes) / counters, 9));
    }
}
