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
        /// <summary>How long its call keeps the counter: the service, or the call of a no-show.</summary>
        public double HoldMinutes { get; } = holdMinutes;
        public Guid Id { get; } = new(sequence, 0, 0, new byte[8]);
    }

    public static SimulationOutcome Run(SimulationSetup setup)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setup.Hours);
        var items = setup.Items;
        var index = items.Select((d, i) => (d.ItemId, i)).ToDictionary(x => x.ItemId, x => x.i);
        var counters = setup.Counters.Select(c => c.Where(index.ContainsKey).Select(id => index[id]).Distinct().ToArray()).ToArray();
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

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ArrivalsPerHour > 0 && counters.Any(c => c.Contains(i)))
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
                for (var c = 0; c < counters.Length; c++)
                {
                    if (!busy[c] && counters[c].Contains(e.Item) && Call(c, now))
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
            var heads = new List<QueueCandidate>();
            var byId = new Dictionary<Guid, SimTicket>();
            foreach (var i in counters[counter])
            {
                foreach (var lane in lanes[i])
                {
                    if (lane.TryPeek(out var head))
                    {
                        var at = Epoch.AddMinutes(head.ArrivedAt);
                        heads.Add(new QueueCandidate(head.Id, head.Priority, at, at, items[i].WaitThresholdMinutes, Sequence: head.Sequence));
                        byId[head.Id] = head;
                    }
                }
            }
            if (heads.Count == 0)
                return false;
            // One head is whom the selector would call too; the selector decides between several.
            var chosen = heads.Count == 1 ? byId[heads[0].Id]
                : byId[QueueSelector.Next(heads, setup.Policy, Epoch.AddMinutes(now), normalsSinceLastPriority)!.Id];
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

    private static TicketPriority Lane(double draw, ItemDemand item) =>
        draw < item.EmergencyShare ? TicketPriority.Emergency
        : draw < item.EmergencyShare + item.PriorityShare ? TicketPriority.Elderly
        : TicketPriority.Normal;

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
