using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>
/// Q5's suggestion as a number: with <see cref="Waiting"/> citizens waiting and <see cref="OpenCounters"/> open,
/// <see cref="MoreCounters"/> more call everyone within <see cref="TargetWaitMinutes"/>.
/// </summary>
public sealed record StaffingAdvice(int Waiting, int OpenCounters, int MoreCounters, int TargetWaitMinutes, double ArrivalsLastHour,
    double ServiceMinutes);

/// <summary>
/// B1 live: how many more counters an item's queue needs now. Two things must hold: the citizens already
/// waiting are all called within the target (c counters call about c·t/s of them in t minutes), and the
/// arrivals of the last hour keep being called within it (Erlang C at the hall's service level). Pure.
/// </summary>
public static class LiveAdviceRule
{
    public static int CountersNeeded(int waiting, double arrivalsPerHour, double serviceMinutes, int targetWaitMinutes, double serviceLevel)
    {
        if (waiting <= 0 && arrivalsPerHour <= 0)
            return 0;
        // Rounded first so that 12 × 5 / 10 = 6.000000000000001 is 6 counters, not 7.
        var backlog = (int)Math.Ceiling(Math.Round(waiting * serviceMinutes / targetWaitMinutes, 9));
        var flow = arrivalsPerHour > 0 ? ErlangC.Fewest(arrivalsPerHour, serviceMinutes, targetWaitMinutes, serviceLevel).Counters : 0;
        return Math.Max(backlog, flow);
    }

    public static StaffingAdvice Advise(int waiting, int openCounters, double arrivalsPerHour, double serviceMinutes, StaffingTarget target)
    {
        var needed = CountersNeeded(waiting, arrivalsPerHour, serviceMinutes, target.TargetWaitMinutes, target.ServiceLevel);
        return new StaffingAdvice(waiting, openCounters, Math.Max(0, needed - openCounters), target.TargetWaitMinutes, arrivalsPerHour, serviceMinutes);
    }
}

/// <summary>
/// What the live advice needs for some items of a hall: their arrivals in the last hour, and their service time
/// recorded today (start to finish, once <see cref="MinServices"/> services are finished), else the item's
/// expected minutes. Today's tickets are the ones the dashboard has already read for its figures.
/// </summary>
public static class LiveStaffing
{
    public const int MinServices = 3;

    /// <param name="today">The hall's tickets of the day.</param>
    /// <param name="queues">Per item: citizens waiting and counters open now.</param>
    public static async Task<Dictionary<Guid, StaffingAdvice>> AdviseAsync(HallDbContext db, Guid hallId, IReadOnlyList<TicketTimes> today,
        DateTime now, IReadOnlyDictionary<Guid, (int Waiting, int OpenCounters)> queues, CancellationToken ct)
    {
        if (queues.Count == 0)
            return [];
        var ids = queues.Keys.ToList();
        var target = await UpdateStaffingSettings.ReadAsync(db, hallId, ct);
        var hourAgo = now.AddHours(-1);
        var expected = await db.ServiceItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (double)i.AverageServiceMinutes, ct);
        return queues.ToDictionary(q => q.Key, q =>
        {
            var mine = today.Where(t => t.ServiceItemId == q.Key).ToList();
            var arrivals = mine.Count(t => (t.ArrivedAt ?? (t.Channel == TicketChannel.Transfer ? t.QueuedAt : t.IssuedAt)) is var at && at > hourAgo && at <= now);
            var services = mine.Where(t => t is { Status: TicketStatus.Done, StartedAt: not null, FinishedAt: not null })
                .Select(t => (t.FinishedAt!.Value - t.StartedAt!.Value).TotalMinutes).ToList();
            var service = Math.Max(0.5, services.Count >= MinServices ? services.Average() : expected.GetValueOrDefault(q.Key, 5));
            return LiveAdviceRule.Advise(q.Value.Waiting, q.Value.OpenCounters, arrivals, service, target);
        });
    }
}
