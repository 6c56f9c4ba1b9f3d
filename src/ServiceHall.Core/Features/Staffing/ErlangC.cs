namespace ServiceHall.Core.Features.Staffing;

/// <summary>The Erlang C figures of one queue at a given number of counters.</summary>
/// <param name="Counters">Counters open.</param>
/// <param name="WaitingProbability">Share of citizens who wait at all (not called at once).</param>
/// <param name="ServiceLevel">Share called within the target wait.</param>
/// <param name="AverageWaitMinutes">Average wait over everyone, including those called at once.</param>
/// <param name="Occupancy">Share of the counters' time spent serving.</param>
public sealed record ErlangCFigures(int Counters, double WaitingProbability, double ServiceLevel, double AverageWaitMinutes, double Occupancy);

/// <summary>
/// B1: the M/M/c queue (Poisson arrivals, exponential service, first come first served, nobody leaves).
/// Pure. The waiting probability comes from the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which
/// never forms a factorial or a power of the load, so 200 counters (or 20,000) neither overflow nor lose
/// precision; then C = c·B / (c − a·(1 − B)). A load of c Erlangs or more on c counters is unstable: the queue
/// grows without end, and such a count is never an answer.
/// </summary>
public static class ErlangC
{
    /// <summary>Beyond this many counters the search stops: no hall has them, and a load that needs them is refused earlier.</summary>
    public const int MaxCounters = 100_000;

    /// <summary>Offered load in Erlangs: arrivals per hour × minutes of service / 60.</summary>
    public static double Load(double arrivalsPerHour, double serviceMinutes) => arrivalsPerHour * serviceMinutes / 60.0;

    /// <summary>Probability that an arrival waits, with <paramref name="counters"/> counters and a load of <paramref name="load"/> Erlangs; 1 when unstable.</summary>
    public static double WaitingProbability(double load, int counters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(load);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(counters);
        if (load >= counters)
            return 1.0;
        return FromErlangB(load, counters, ErlangB(load, counters));
    }

    /// <summary>Share called within <paramref name="targetWaitMinutes"/>: 1 − C·e^(−(c − a)·t / s).</summary>
    public static double ServiceLevel(double load, int counters, double serviceMinutes, double targetWaitMinutes)
    {
        if (load >= counters)
            return 0.0;
        return ServiceLevelFrom(WaitingProbability(load, counters), load, counters, serviceMinutes, targetWaitMinutes);
    }

    /// <summary>Average wait over all arrivals: C·s / (c − a); infinite when unstable.</summary>
    public static double AverageWaitMinutes(double load, int counters, double serviceMinutes) =>
        load >= counters ? double.PositiveInfinity : WaitingProbability(load, counters) * serviceMinutes / (counters - load);

    /// <summary>Share of the counters' time spent serving: a / c (at most 1).</summary>
    public static double Occupancy(double load, int counters) => Math.Min(1.0, load / counters);

    /// <summary>All figures at <paramref name="counters"/> counters.</summary>
    public static ErlangCFigures At(double arrivalsPerHour, double serviceMinutes, double targetWaitMinutes, int counters)
    {
        var a = Load(arrivalsPerHour, serviceMinutes);
        var c = WaitingProbability(a, counters);
        return new ErlangCFigures(counters, c, ServiceLevel(a, counters, serviceMinutes, targetWaitMinutes),
            AverageWaitMinutes(a, counters, serviceMinutes), Occupancy(a, counters));
    }

    /// <summary>
    /// The fewest counters that call <paramref name="serviceLevel"/> of arrivals within <paramref name="targetWaitMinutes"/>,
    /// with the figures at that many; 0 counters when nobody arrives. The search runs the Erlang B recursion
    /// once upwards, so it costs one step per counter.
    /// </summary>
    public static ErlangCFigures Fewest(double arrivalsPerHour, double serviceMinutes, double targetWaitMinutes, double serviceLevel)
    {
        if (arrivalsPerHour <= 0 || serviceMinutes <= 0)
            return new ErlangCFigures(0, 0, 1, 0, 0);
        var a = Load(arrivalsPerHour, serviceMinutes);
        var b = 1.0;
        for (var k = 1; k <= MaxCounters; k++)
        {
            b = a * b / (k + a * b);
            // Only a stable count: with no more counters than Erlangs the queue grows without end.
            if (a >= k)
                continue;
            var c = FromErlangB(a, k, b);
            var level = ServiceLevelFrom(c, a, k, serviceMinutes, targetWaitMinutes);
            if (level >= serviceLevel)
                return new ErlangCFigures(k, c, level, c * serviceMinutes / (k - a), a / k);
        }
        throw new ArgumentOutOfRangeException(nameof(arrivalsPerHour), "The load needs more counters than any hall has.");
    }

    private static double ErlangB(double load, int counters)
    {
        var b = 1.0;
        for (var k = 1; k <= counters; k++)
            b = load * b / (k + load * b);
        return b;
    }

    private static double FromErlangB(double load, int counters, double erlangB) =>
        counters * erlangB / (counters - load * (1 - erlangB));

    private static double ServiceLevelFrom(double waitingProbability, double load, int counters, double serviceMinutes, double targetWaitMinutes) =>
        Math.Clamp(1 - waitingProbability * Math.Exp(-(counters - load) * targetWaitMinutes / serviceMinutes), 0, 1);
}
