using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

/// <summary>
/// The simulation calls as the hall's selector does. It applies <see cref="QueueSelector"/>'s rule to its lanes'
/// heads without allocating; the reference here is the simulation as it was before (issue 15's speed-up), which
/// handed every call's heads to <see cref="QueueSelector.Next"/> itself. Random halls — policies, fairness, lanes,
/// no-shows, counters serving one to three items — must give exactly the same outcome, and they would not if the
/// selector's rule changed and the simulation did not follow.
/// </summary>
public class HallSimulationSelectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomHalls_SameOutcomeAsCallingTheSelector(int draw)
    {
        var random = new Random(draw);
        for (var run = 0; run < 8; run++)
        {
            var items = Enumerable.Range(0, random.Next(1, 6)).Select(i => new ItemDemand(new Guid(i + 1, 0, 0, new byte[8]),
                    random.Next(5, 80), 2 + random.NextDouble() * 15, NoShowShare: random.NextDouble() * 0.1,
                    PriorityShare: random.NextDouble() * 0.3, EmergencyShare: random.NextDouble() * 0.05, WaitThresholdMinutes: random.Next(3, 20)))
                .ToList();
            var counters = Enumerable.Range(0, random.Next(1, 25))
                .Select(_ => (IReadOnlyCollection<Guid>)items.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(d => d.ItemId).ToArray())
                .ToArray();
            var policy = new QueuePolicy(random.Next(2) == 0 ? PriorityPolicy.Strict : PriorityPolicy.Interleave, random.Next(1, 5),
                Fairness: random.Next(4) > 0);
            var setup = new SimulationSetup(items, counters, policy, random.Next(2, 15), Hours: 6, WarmUpHours: 1, Seed: random.Next(100),
                NoShowMinutes: 0.5 + random.NextDouble() * 2);

            var fast = HallSimulation.Run(setup);
            var reference = Reference.Run(setup);

            Assert.Equal(reference.Measured, fast.Measured);
            Assert.Equal(reference.ShareWithinTarget, fast.ShareWithinTarget);
            Assert.Equal(reference.AverageWaitMinutes, fast.AverageWaitMinutes);
            Assert.Equal(reference.AverageWaitPriorityMinutes, fast.AverageWaitPriorityMinutes);
            Assert.Equal(reference.AverageWaitNormalMinutes, fast.AverageWaitNormalMinutes);
            Assert.Equal(reference.ShareWithinTargetByItem.OrderBy(s => s.Key), fast.ShareWithinTargetByItem.OrderBy(s => s.Key));
        }
    }

    /// <summary>The simulation of b60e8b4, each call through <see cref="QueueSelector.Next"/>.</summary>
    private static class Reference
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
}
