using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>One item's demand as the simulation draws it.</summary>
/// <param name="ArrivalsPerHour">Poisson arrivals.</param>
/// <param name="ServiceMinutes">Mean of an exponential service (start to finish).</param>
/// <param name="NoShowShare">Share of called citizens who do not come (过号); their call holds the counter <see cref="SimulationSetup.NoShowMinutes"/>.</param>
/// <param name="PriorityShare">Share in the priority lane (elderly, disabled, military, pregnant).</param>
/// <param name="EmergencyShare">Share in the emergency lane.</param>
/// <param name="WaitThresholdMinutes">The item's wait threshold, which the fairness rule of the queue reads.</param>
public sealed record ItemDemand(Guid ItemId, double ArrivalsPerHour, double ServiceMinutes, double NoShowShare = 0,
    double PriorityShare = 0, double EmergencyShare = 0, int WaitThresholdMinutes = 10);

/// <summary>
/// What to simulate: the items' demand, the open counters (each with the items it serves), the hall's queue
/// policy and the target. Arrivals run for <see cref="WarmUpHours"/> plus <see cref="Hours"/>; the tickets of the
/// measured hours are followed until called.
/// </summary>
public sealed record SimulationSetup(
    IReadOnlyList<ItemDemand> Items,
    IReadOnlyList<IReadOnlyCollection<Guid>> Counters,
    QueuePolicy Policy,
    double TargetWaitMinutes,
    double Hours = 8,
    double WarmUpHours = 1,
    int Seed = 15,
    double NoShowMinutes = 2);

/// <summary>What the simulated hall gave: tickets measured, the share called within the target, average waits.</summary>
public sealed record SimulationOutcome(int Measured, double ShareWithinTarget, double AverageWaitMinutes,
    double? AverageWaitPriorityMinutes, double? AverageWaitNormalMinutes, IReadOnlyDictionary<Guid, double> ShareWithinTargetByItem);

/// <summary>
/// B1: a discrete-event simulation of the hall's own queue. Each free counter calls whom the hall's real
/// selection rule (<see cref="QueueSelector"/>) puts first among the heads of the lanes of the items it serves,
/// as <c>CallNextTicket</c> does; a counter may serve several items; a no-show holds the counter for the call only.
/// Pure and repeatable: a fixed seed, and each item draws its arrivals, lanes, services and no-shows from a
/// stream of its own, so that two runs differing only in counters see the same citizens (common random numbers).
/// Appointments and transfers are not simulated.
/// </summary>
public static class HallSimulation
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private sealed class SimTicket(int sequence, int item, TicketPriority priority, double arrivedAt, double holdMinutes)
    {
        public int Sequence { get; } = sequence;
        public int Item { get; } = item;
        public TicketPriority Priority { get; } = priority;
        public double ArrivedAt { get; } = arrivedAt;
        /// <summary>The arrival as the queue's clock has it: the fairness rule compares these instants, as the selector does.</summary>
        public DateTime QueuedAt { get; } = Epoch.AddMinutes(arrivedAt);
        /// <summary>How long its call keeps the counter: the service, or the call of a no-show.</summary>
        public double HoldMinutes { get; } = holdMinutes;
    }

    public static SimulationOutcome Run(SimulationSetup setup)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setup.Hours);
        var items = setup.Items;
        var index = items.Select((d, i) => (d.ItemId, i)).ToDictionary(x => x.ItemId, x => x.i);
        var counters = setup.Counters.Select(c => c.Where(index.ContainsKey).Select(id => index[id]).Distinct().ToArray()).ToArray();
        // Per item, the counters serving it in the counters' order.
        var servers = Enumerable.Range(0, items.Count)
            .Select(i => Enumerable.Range(0, counters.Length).Where(c => counters[c].Contains(i)).ToArray()).ToArray();
        // Not HashCode.Combine: its seed changes with every process, and a plan must not.
        var streams = items.Select((_, i) => new Random(unchecked(setup.Seed * 7919 + i))).ToArray();
        // Lanes per item: emergency, other priority, normal — first come first served within each.
        var lanes = items.Select(_ => new[] { new Queue<SimTicket>(), new Queue<SimTicket>(), new Queue<SimTicket>() }).ToArray();
        var busy = new bool[counters.Length];
        var events = new PriorityQueue<(int Counter, int Item), (double At, long Order)>();
        long order = 0;
        var sequence = 0;
        var measureFrom = setup.WarmUpHours * 60;
        var arrivalsUntil = measureFrom + setup.Hours * 60;
        var normalsSinceLastPriority = 0;
        var policy = setup.Policy;

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ArrivalsPerHour > 0 && servers[i].Length > 0)
                events.Enqueue((-1, i), (Exponential(streams[i], 60.0 / items[i].ArrivalsPerHour), order++));
        }

        var waits = new List<(int Item, TicketPriority Priority, double Wait)>();
        while (events.TryDequeue(out var e, out var key))
        {
            var now = key.At;
            if (e.Counter < 0)
            {
                var item = items[e.Item];
                var stream = streams[e.Item];
                var priority = Lane(stream.NextDouble(), item);
                var noShow = stream.NextDouble() < item.NoShowShare;
                var service = Exponential(stream, item.ServiceMinutes);
                var hold = noShow ? setup.NoShowMinutes : service;
                lanes[e.Item][QueueLanes.Rank(priority)].Enqueue(new SimTicket(++sequence, e.Item, priority, now, hold));
                var next = now + Exponential(stream, 60.0 / item.ArrivalsPerHour);
                if (next < arrivalsUntil)
                    events.Enqueue((-1, e.Item), (next, order++));
                // The first free counter serving the item calls (they are all equal to the citizen).
                foreach (var c in servers[e.Item])
                {
                    if (!busy[c] && Call(c, now))
                        break;
                }
            }
            else
            {
                busy[e.Counter] = false;
                Call(e.Counter, now);
            }
        }

        bool Call(int counter, double now)
        {
            var chosen = Next(counters[counter], lanes, items, policy, now, normalsSinceLastPriority);
            if (chosen is null)
                return false;
            lanes[chosen.Item][QueueLanes.Rank(chosen.Priority)].Dequeue();
            normalsSinceLastPriority = chosen.Priority == TicketPriority.Normal ? normalsSinceLastPriority + 1 : 0;
            if (chosen.ArrivedAt >= measureFrom)
                waits.Add((chosen.Item, chosen.Priority, now - chosen.ArrivedAt));
            busy[counter] = true;
            events.Enqueue((counter, -1), (now + chosen.HoldMinutes, order++));
            return true;
        }

        var target = setup.TargetWaitMinutes;
        var byItem = waits.GroupBy(w => items[w.Item].ItemId)
            .ToDictionary(g => g.Key, g => g.Count(w => w.Wait <= target) / (double)g.Count());
        var priorityWaits = waits.Where(w => w.Priority != TicketPriority.Normal).Select(w => w.Wait).ToList();
        var normalWaits = waits.Where(w => w.Priority == TicketPriority.Normal).Select(w => w.Wait).ToList();
        return new SimulationOutcome(
            waits.Count,
            waits.Count == 0 ? 1 : waits.Count(w => w.Wait <= target) / (double)waits.Count,
            waits.Count == 0 ? 0 : waits.Average(w => w.Wait),
            priorityWaits.Count == 0 ? null : priorityWaits.Average(),
            normalWaits.Count == 0 ? null : normalWaits.Average(),
            byItem);
    }

    /// <summary>
    /// Whom <see cref="QueueSelector"/> calls first among the heads of the lanes of a counter's items, without an
    /// appointment among them (none is simulated): the oldest emergency; else, between the oldest priority and the
    /// oldest normal ticket, the hall's policy — strict, or one priority after N normal — unless fairness holds the
    /// priority back for a normal ticket that came before it and waited past its item's threshold. Within each lane
    /// the oldest is the one with the lowest sequence: arrivals are numbered in the order of time. Allocates nothing,
    /// because it runs for every call; <c>HallSimulationTests</c> holds it to the selector.
    /// </summary>
    private static SimTicket? Next(int[] counterItems, Queue<SimTicket>[][] lanes, IReadOnlyList<ItemDemand> items, QueuePolicy policy,
        double now, int normalsSinceLastPriority)
    {
        SimTicket? emergency = null, priority = null, normal = null;
        foreach (var i in counterItems)
        {
            var own = lanes[i];
            if (own[0].TryPeek(out var e) && (emergency is null || e.Sequence < emergency.Sequence))
                emergency = e;
            if (own[1].TryPeek(out var p) && (priority is null || p.Sequence < priority.Sequence))
                priority = p;
            if (own[2].TryPeek(out var n) && (normal is null || n.Sequence < normal.Sequence))
                normal = n;
        }
        if (emergency is not null)
            return emergency;
        if (priority is null || normal is null)
            return priority ?? normal;
        if (policy.Fairness)
        {
            var at = Epoch.AddMinutes(now);
            foreach (var i in counterItems)
            {
                if (lanes[i][2].TryPeek(out var n) && n.QueuedAt < priority.QueuedAt
                    && AlertRules.Exceeds(n.QueuedAt, at, items[i].WaitThresholdMinutes))
                    return normal;
            }
        }
        return policy.Kind != PriorityPolicy.Interleave || normalsSinceLastPriority >= policy.NormalsPerPriority ? priority : normal;
    }

    private static TicketPriority Lane(double draw, ItemDemand item) =>
        draw < item.EmergencyShare ? TicketPriority.Emergency
        : draw < item.EmergencyShare + item.PriorityShare ? TicketPriority.Elderly
        : TicketPriority.Normal;

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
