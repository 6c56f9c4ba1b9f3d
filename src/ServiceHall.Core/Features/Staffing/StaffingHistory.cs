using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>One ticket of the history weeks, as the plan reads it.</summary>
public sealed record HistoryTicket(Guid ServiceItemId, TicketChannel Channel, TicketPriority Priority, TicketStatus Status,
    DateTime IssuedAt, DateTime QueuedAt, DateTime? CalledAt, DateTime? StartedAt, DateTime? FinishedAt, DateTime? NoShowAt);

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
/// would otherwise swing the plan on two or three citizens.
/// </summary>
public static class StaffingHistory
{
    public const int MinSamples = 10;
    public const double DefaultNoShowMinutes = 2;

    public static StaffingDemand Demand(IReadOnlyCollection<HistoryTicket> tickets, IReadOnlyCollection<ItemDefaults> items,
        IReadOnlyCollection<DateOnly> openDays, HallClock clock)
    {
        var daysPerWeekday = openDays.GroupBy(d => d.DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        var facts = items.ToDictionary(i => i.Id);
        var known = tickets.Where(t => facts.ContainsKey(t.ServiceItemId)).ToList();
        var perItem = known.GroupBy(t => t.ServiceItemId).ToDictionary(g => g.Key, g => Tally.Of(g));
        var noShowHolds = known.Where(t => t is { Status: TicketStatus.NoShow, CalledAt: not null, NoShowAt: not null })
            .Select(t => (t.NoShowAt!.Value - t.CalledAt!.Value).TotalMinutes).Where(m => m >= 0).ToList();
        var noShowMinutes = noShowHolds.Count >= MinSamples ? Math.Clamp(noShowHolds.Average(), 0.5, 30) : DefaultNoShowMinutes;

        var perHour = new Dictionary<(DayOfWeek, int), List<ItemDemand>>();
        foreach (var slot in known.GroupBy(t =>
                 {
                     // A transfer keeps the citizen's issue time; it joined this item's queue when it was transferred.
                     var local = clock.ToLocal(t.Channel == TicketChannel.Transfer ? t.QueuedAt : t.IssuedAt);
                     return (local.DayOfWeek, local.Hour, t.ServiceItemId);
                 }))
        {
            var (weekday, hour, itemId) = slot.Key;
            if (daysPerWeekday.GetValueOrDefault(weekday) is not (> 0 and var days))
                continue;
            var here = Tally.Of(slot);
            var all = perItem[itemId];
            var item = facts[itemId];
            var service = here.Services.Count >= MinSamples ? here.Services.Average()
                : all.Services.Count > 0 ? all.Services.Average()
                : item.AverageServiceMinutes;
            var noShow = here.Called >= MinSamples ? here.NoShowShare : all.NoShowShare;
            var demand = new ItemDemand(itemId, here.Arrivals / (double)days, Math.Max(0.5, service), noShow,
                here.PriorityShare, here.EmergencyShare, item.MaxWaitMinutes);
            if (!perHour.TryGetValue((weekday, hour), out var list))
                perHour[(weekday, hour)] = list = [];
            list.Add(demand);
        }
        return new StaffingDemand(perHour, noShowMinutes);
    }

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

    private sealed record Tally(int Arrivals, int Called, int NoShows, int Priority, int Emergency, List<double> Services)
    {
        public double NoShowShare => Called == 0 ? 0 : NoShows / (double)Called;
        public double PriorityShare => Arrivals == 0 ? 0 : Priority / (double)Arrivals;
        public double EmergencyShare => Arrivals == 0 ? 0 : Emergency / (double)Arrivals;

        public static Tally Of(IEnumerable<HistoryTicket> tickets)
        {
            var list = tickets as IReadOnlyCollection<HistoryTicket> ?? tickets.ToList();
            return new Tally(list.Count,
                list.Count(t => t.CalledAt is not null),
                list.Count(t => t.Status == TicketStatus.NoShow),
                list.Count(t => QueueLanes.Rank(t.Priority) == 1),
                list.Count(t => t.Priority == TicketPriority.Emergency),
                [.. list.Where(t => t is { Status: TicketStatus.Done, StartedAt: not null, FinishedAt: not null })
                    .Select(t => (t.FinishedAt!.Value - t.StartedAt!.Value).TotalMinutes).Where(m => m >= 0)]);
        }
    }
}
