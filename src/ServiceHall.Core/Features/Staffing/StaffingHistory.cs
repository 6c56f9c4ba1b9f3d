using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>One ticket of the history weeks, as the plan reads it.</summary>
public sealed record HistoryTicket(Guid ServiceItemId, TicketChannel Channel, TicketPriority Priority, TicketStatus Status,
    DateTime IssuedAt, DateTime QueuedAt, DateTime? CalledAt, DateTime? StartedAt, DateTime? FinishedAt, DateTime? NoShowAt);

/// <summary>
/// One item's tickets that arrived in one quarter-hour (UTC) of the history weeks, counted: what the plan needs of
/// them. Quarter-hours, because every time zone's offset is a whole number of them, so the hall's zone puts each
/// in one local hour.
/// </summary>
public sealed class HistoryBucket
{
    public Guid ServiceItemId { get; set; }
    /// <summary>Quarter-hours from 1970-01-01 UTC to the arrival: issued, or queued by a transfer.</summary>
    public long Bucket { get; set; }
    public long Arrivals { get; set; }
    public long Called { get; set; }
    public long NoShows { get; set; }
    /// <summary>Tickets of the priority lane (老人, 残疾人, 军人, 孕妇), emergencies not included.</summary>
    public long Priority { get; set; }
    public long Emergency { get; set; }
    /// <summary>Services with a start and a finish, and their minutes.</summary>
    public long Services { get; set; }
    public double ServiceMinutes { get; set; }
    /// <summary>No-shows with their call and no-show times, and the minutes a counter waited for them.</summary>
    public long NoShowHolds { get; set; }
    public double NoShowHoldMinutes { get; set; }
}

/// <summary>One counter session of the history weeks; an open one runs until now.</summary>
public sealed record HistorySession(Guid CounterId, DateTime OpenedAt, DateTime? ClosedAt);

/// <summary>What the plan knows of an item before any history: its expected service and its wait threshold.</summary>
public sealed record ItemDefaults(Guid Id, double AverageServiceMinutes, int MaxWaitMinutes);

/// <summary>The history read into demand: per weekday and local hour, each item's demand; and the no-show call time.</summary>
public sealed record StaffingDemand(Dictionary<(DayOfWeek Weekday, int Hour), List<ItemDemand>> PerHour, double NoShowMinutes);

/// <summary>
/// B1: the history weeks as rates. Pure. An item's arrivals in a weekday-hour are its tickets that arrived then
/// (issued, or queued by a transfer) divided by the days of that weekday the hall was open; its service time
/// (start to finish) and no-show share come from that weekday-hour when it has <see cref="MinSamples"/> of them,
/// else from all the item's hours, else from the item's expected minutes. A weekday-hour with few services
/// would otherwise swing the plan on two or three citizens. The tickets come counted per item and quarter-hour
/// (<see cref="HistoryBucket"/>; the database counts them, <see cref="Buckets"/> is the same count of tickets in hand).
/// </summary>
public static class StaffingHistory
{
    public const int MinSamples = 10;
    public const double DefaultNoShowMinutes = 2;
    public const int BucketSeconds = 15 * 60;

    public static StaffingDemand Demand(IReadOnlyCollection<HistoryTicket> tickets, IReadOnlyCollection<ItemDefaults> items,
        IReadOnlyCollection<DateOnly> openDays, HallClock clock) => Demand(Buckets(tickets), items, openDays, clock);

    public static StaffingDemand Demand(IReadOnlyCollection<HistoryBucket> buckets, IReadOnlyCollection<ItemDefaults> items,
        IReadOnlyCollection<DateOnly> openDays, HallClock clock)
    {
        var daysPerWeekday = openDays.GroupBy(d => d.DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        var facts = items.ToDictionary(i => i.Id);
        var known = buckets.Where(b => facts.ContainsKey(b.ServiceItemId)).ToList();
        var perItem = known.GroupBy(b => b.ServiceItemId).ToDictionary(g => g.Key, g => Tally.Of(g));
        var holds = known.Sum(b => b.NoShowHolds);
        var noShowMinutes = holds >= MinSamples ? Math.Clamp(known.Sum(b => b.NoShowHoldMinutes) / holds, 0.5, 30) : DefaultNoShowMinutes;

        var perHour = new Dictionary<(DayOfWeek, int), List<ItemDemand>>();
        foreach (var slot in known.GroupBy(b =>
                 {
                     var local = clock.ToLocal(BucketStart(b.Bucket));
                     return (local.DayOfWeek, local.Hour, b.ServiceItemId);
                 }))
        {
            var (weekday, hour, itemId) = slot.Key;
            if (daysPerWeekday.GetValueOrDefault(weekday) is not (> 0 and var days))
                continue;
            var here = Tally.Of(slot);
            var all = perItem[itemId];
            var item = facts[itemId];
            var service = here.Services >= MinSamples ? here.ServiceMinutes / here.Services
                : all.Services > 0 ? all.ServiceMinutes / all.Services
                : item.AverageServiceMinutes;
            var noShow = here.Called >= MinSamples ? here.NoShowShare : all.NoShowShare;
            var demand = new ItemDemand(itemId, here.Arrivals / (double)days, Math.Max(0.5, service), noShow,
                here.PriorityShare, here.EmergencyShare, item.MaxWaitMinutes);
            if (!perHour.TryGetValue((weekday, hour), out var list))
                perHour[(weekday, hour)] = list = [];
            list.Add(demand);
        }
        // The simulation gives each item its own random stream by its place in the list: in item order, the plan does not
        // depend on the order the database returned the history in.
        foreach (var list in perHour.Values)
            list.Sort((a, b) => a.ItemId.CompareTo(b.ItemId));
        return new StaffingDemand(perHour, noShowMinutes);
    }

    /// <summary>The quarter-hour an instant (UTC) falls in, counted from 1970-01-01.</summary>
    public static long BucketOf(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / (TimeSpan.TicksPerSecond * BucketSeconds);

    public static DateTime BucketStart(long bucket) => DateTime.UnixEpoch.AddSeconds(bucket * BucketSeconds);

    /// <summary>Tickets counted per item and quarter-hour of arrival, as <see cref="StaffingHistorySql"/> counts them in the database.</summary>
    public static List<HistoryBucket> Buckets(IEnumerable<HistoryTicket> tickets) => tickets
        // A transfer keeps the citizen's issue time; it joined this item's queue when it was transferred.
        .GroupBy(t => (t.ServiceItemId, Bucket: BucketOf(t.Channel == TicketChannel.Transfer ? t.QueuedAt : t.IssuedAt)))
        .Select(g =>
        {
            var services = g.Where(t => t is { Status: TicketStatus.Done, StartedAt: not null, FinishedAt: not null })
                .Select(t => (t.FinishedAt!.Value - t.StartedAt!.Value).TotalMinutes).Where(m => m >= 0).ToList();
            var holds = g.Where(t => t is { Status: TicketStatus.NoShow, CalledAt: not null, NoShowAt: not null })
                .Select(t => (t.NoShowAt!.Value - t.CalledAt!.Value).TotalMinutes).Where(m => m >= 0).ToList();
            return new HistoryBucket
            {
                ServiceItemId = g.Key.ServiceItemId, Bucket = g.Key.Bucket, Arrivals = g.Count(),
                Called = g.Count(t => t.CalledAt is not null), NoShows = g.Count(t => t.Status == TicketStatus.NoShow),
                Priority = g.Count(t => QueueLanes.Rank(t.Priority) == 1), Emergency = g.Count(t => t.Priority == TicketPriority.Emergency),
                Services = services.Count, ServiceMinutes = services.Sum(), NoShowHolds = holds.Count, NoShowHoldMinutes = holds.Sum(),
            };
        })
        .ToList();

    /// <summary>
    /// Per weekday and local hour, the counters open on average over the open days of that weekday, weighted
    /// by the minutes of the hour each was open (a counter opened at 9:30 counts half for 9:00–9:59), rounded.
    /// </summary>
    public static Dictionary<(DayOfWeek Weekday, int Hour), int> CountersOpen(IEnumerable<HistorySession> sessions,
        IReadOnlyCollection<DateOnly> openDays, HallClock clock, DateTime now)
    {
        var days = openDays.ToHashSet();
        var daysPerWeekday = days.GroupBy(d => d.DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        var minutes = new Dictionary<(DayOfWeek, int), double>();
        foreach (var session in sessions)
        {
            var start = clock.ToLocal(session.OpenedAt);
            var end = clock.ToLocal(session.ClosedAt ?? now);
            for (var hour = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0); hour < end; hour = hour.AddHours(1))
            {
                if (!days.Contains(DateOnly.FromDateTime(hour)))
                    continue;
                var overlap = (Min(end, hour.AddHours(1)) - Max(start, hour)).TotalMinutes;
                if (overlap > 0)
                    minutes[(hour.DayOfWeek, hour.Hour)] = minutes.GetValueOrDefault((hour.DayOfWeek, hour.Hour)) + overlap;
            }
        }
        return minutes.ToDictionary(m => m.Key,
            m => (int)Math.Round(m.Value / 60.0 / daysPerWeekday[m.Key.Item1], MidpointRounding.AwayFromZero));
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record Tally(long Arrivals, long Called, long NoShows, long Priority, long Emergency, long Services, double ServiceMinutes)
    {
        public double NoShowShare => Called == 0 ? 0 : NoShows / (double)Called;
        public double PriorityShare => Arrivals == 0 ? 0 : Priority / (double)Arrivals;
        public double EmergencyShare => Arrivals == 0 ? 0 : Emergency / (double)Arrivals;

        public static Tally Of(IEnumerable<HistoryBucket> buckets)
        {
            long arrivals = 0, called = 0, noShows = 0, priority = 0, emergency = 0, services = 0;
            double minutes = 0;
            foreach (var b in buckets)
            {
                arrivals += b.Arrivals;
                called += b.Called;
                noShows += b.NoShows;
                priority += b.Priority;
                emergency += b.Emergency;
                services += b.Services;
                minutes += b.ServiceMinutes;
            }
            return new Tally(arrivals, called, noShows, priority, emergency, services, minutes);
        }
    }
}
