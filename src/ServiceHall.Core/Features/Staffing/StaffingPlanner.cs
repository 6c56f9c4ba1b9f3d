using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>A counter of the hall and the items it serves.</summary>
public sealed record CounterItems(Guid CounterId, IReadOnlyCollection<Guid> ItemIds);

/// <summary>The counters one hour needs.</summary>
/// <param name="ErlangC">Erlang C per item, summed: as if each counter served one item.</param>
/// <param name="Needed">After the simulation of the hall's own counters and policy.</param>
/// <param name="SimulatedShare">Share called within the target at <paramref name="Needed"/> counters, when simulated.</param>
/// <param name="BeyondCounters">Even every counter of the hall does not meet the target.</param>
public sealed record HourNeed(double ArrivalsPerHour, int ErlangC, int Needed, double? SimulatedShare, bool BeyondCounters)
{
    public static readonly HourNeed None = new(0, 0, 0, null, false);
}

/// <summary>
/// B1: how many counters one hour needs. Erlang C per item first (fast, exact for one item on counters of its
/// own); then the simulation of the hall corrects it for what Erlang C cannot see — counters serving several
/// items (pooling needs fewer), priority lanes and the fairness rule, no-shows — by trying counts around the
/// Erlang C figure until the fewest that meet the target in simulation is found. Counters open in the order
/// that relieves the most loaded items first (<see cref="OpeningOrder"/>). Pure and repeatable (fixed seed).
/// </summary>
public static class StaffingPlanner
{
    /// <summary>Simulated citizens of a first run: its share is good to about ±0.03.</summary>
    public const int SimulatedTickets = 3_000;

    /// <summary>A first run this close to the target is run again with <see cref="CloseCallTickets"/> citizens.</summary>
    public const double CloseCall = 0.05;

    /// <summary>Citizens of the run that decides a close call: its share is good to about ±0.01.</summary>
    public const int CloseCallTickets = 30_000;

    public static HourNeed Needed(IReadOnlyList<ItemDemand> demand, IReadOnlyList<CounterItems> counters, QueuePolicy policy,
        StaffingTarget target, double noShowMinutes, int seed = 15)
    {
        var items = demand.Where(d => d.ArrivalsPerHour > 0).ToList();
        if (items.Count == 0)
            return HourNeed.None;
        var arrivals = items.Sum(d => d.ArrivalsPerHour);
        var erlang = items.Sum(d => ErlangC.Fewest(d.ArrivalsPerHour, EffectiveService(d, noShowMinutes), target.TargetWaitMinutes,
            target.ServiceLevel).Counters);
        // An item no counter serves cannot be simulated: it needs counters of its own on top.
        var served = items.Where(d => counters.Any(c => c.ItemIds.Contains(d.ItemId))).ToList();
        var unserved = items.Except(served).Sum(d => ErlangC.Fewest(d.ArrivalsPerHour, EffectiveService(d, noShowMinutes),
            target.TargetWaitMinutes, target.ServiceLevel).Counters);
        if (served.Count == 0)
            return new HourNeed(arrivals, erlang, unserved, null, unserved > 0);

        var order = OpeningOrder(served, counters, noShowMinutes);
        var load = served.Sum(d => ErlangC.Load(d.ArrivalsPerHour, EffectiveService(d, noShowMinutes)));
        var fewest = Math.Max(1, (int)Math.Floor(load) + 1);
        var perHour = served.Sum(d => d.ArrivalsPerHour);
        var shares = new Dictionary<int, double>();
        double Share(int open)
        {
            if (shares.TryGetValue(open, out var share))
                return share;
            var opened = order.Take(open).ToList();
            share = Simulate(served, opened, policy, target, noShowMinutes, Math.Clamp(SimulatedTickets / perHour, 8, 100), seed);
            // A short run decides clear cases; near the target its noise would decide, so a long run does.
            if (Math.Abs(share - target.ServiceLevel) < CloseCall)
                share = Simulate(served, opened, policy, target, noShowMinutes, Math.Clamp(CloseCallTickets / perHour, 8, 2000), seed);
            return shares[open] = share;
        }
        bool Meets(int open) => Share(open) >= target.ServiceLevel;

        // What Erlang C gives the items the hall's counters can take.
        var servedErlang = erlang - unserved;
        if (fewest > order.Count)
            return new HourNeed(arrivals, erlang, Math.Max(servedErlang, order.Count + 1) + unserved, null, true);
        var n = Math.Clamp(servedErlang, fewest, order.Count);
        if (Meets(n))
        {
            while (n - 1 >= fewest && Meets(n - 1))
                n--;
        }
        else
        {
            while (n < order.Count && !Meets(n))
                n++;
            if (!Meets(n))
                return new HourNeed(arrivals, erlang, Math.Max(servedErlang, order.Count + 1) + unserved, Share(n), true);
        }
        return new HourNeed(arrivals, erlang, n + unserved, Share(n), false);
    }

    /// <summary>A no-show holds the counter for the call only: the service a counter gives on average per call.</summary>
    public static double EffectiveService(ItemDemand d, double noShowMinutes) =>
        (1 - d.NoShowShare) * d.ServiceMinutes + d.NoShowShare * noShowMinutes;

    /// <summary>
    /// The order in which counters open: each next one is the counter whose items are the most loaded per
    /// counter already open for them; ties go to the order given (the counters' numbers).
    /// </summary>
    public static List<CounterItems> OpeningOrder(IReadOnlyList<ItemDemand> demand, IReadOnlyList<CounterItems> counters, double noShowMinutes)
    {
        var load = demand.ToDictionary(d => d.ItemId, d => ErlangC.Load(d.ArrivalsPerHour, EffectiveService(d, noShowMinutes)));
        var open = load.Keys.ToDictionary(id => id, _ => 0);
        var left = counters.ToList();
        var order = new List<CounterItems>();
        while (left.Count > 0)
        {
            var next = left.OrderByDescending(c => c.ItemIds.Where(load.ContainsKey).Sum(id => load[id] / (1 + open[id])))
                .ThenBy(left.IndexOf).First();
            foreach (var id in next.ItemIds.Where(open.ContainsKey))
                open[id]++;
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }

    private static double Simulate(IReadOnlyList<ItemDemand> items, List<CounterItems> counters, QueuePolicy policy,
        StaffingTarget target, double noShowMinutes, double hours, int seed)
    {
        // Counters that leave an item without anyone to call it fail the target for that item's citizens.
        if (items.Any(d => !counters.Any(c => c.ItemIds.Contains(d.ItemId))))
            return 0;
        var setup = new SimulationSetup(items, [.. counters.Select(c => c.ItemIds)], policy, target.TargetWaitMinutes,
            Hours: hours, WarmUpHours: 1, Seed: seed, NoShowMinutes: noShowMinutes);
        return HallSimulation.Run(setup).ShareWithinTarget;
    }
}
