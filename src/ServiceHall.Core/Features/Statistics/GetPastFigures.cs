using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>The dashboard's figures of one past day, with the longest wait of the day.</summary>
public sealed record PastDay(DateOnly Day, DayFigures Figures, double? LongestWaitMinutes);

/// <summary>
/// The dashboard's figures (S8) for a day or a range: the whole range, each day, and tickets per local hour over the range;
/// with the appointments (Q8) per item and day.
/// </summary>
public sealed record PastFigures(Guid HallId, string TimeZoneId, DateOnly From, DateOnly To, DayFigures Total, double? LongestWaitMinutes,
    List<PastDay> Days, List<HourFigures> PerHour, List<Appointments.AppointmentDayCount> Appointments);

/// <summary>
/// Today's figures of the live dashboard for any past day or range, counted the same way (<see cref="TodayFiguresRule"/>: a
/// transfer is not issued again nor waited twice, each finished service is served) from the days' tallies (ADR-026), per
/// business day and per UTC hour: a month of a 60-counter hall is a few thousand rows to the app, not its 100,000 tickets.
/// </summary>
public sealed class GetPastFigures(HallDbContext db, ReadDayTallies tallies)
{
    public async Task<PastFigures> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new { h.TimeZoneId, h.OpensAt, h.ClosesAt }).FirstAsync(ct);
        var clock = new HallClock(hall.TimeZoneId);

        var tally = await tallies.HandleAsync(hallId, period.From, period.To, ct);
        var days = tally.Tickets.GroupBy(t => t.Day).OrderBy(g => g.Key)
            .Select(g => new DayRow(g.Key, (int)g.Sum(t => t.Issued), (int)g.Sum(t => t.Served), (int)g.Sum(t => t.Waiting),
                (int)g.Sum(t => t.EndedNoShow), (int)g.Sum(t => t.Expired), (int)g.Sum(t => t.Waits), g.Sum(t => t.WaitSum ?? 0),
                g.Max(t => t.WaitMax), (int)g.Sum(t => t.Services), g.Sum(t => t.ServiceSum ?? 0)))
            .ToList();
        var hours = tally.Hours.GroupBy(h => h.UtcHour)
            .SelectMany(g => new[] { new HourRow("i", g.Key, (int)g.Sum(h => h.Issued)), new HourRow("s", g.Key, (int)g.Sum(h => h.Served)) })
            .Where(h => h.Count > 0).ToList();

        var total = Sum(days);
        var perHour = PerLocalHour(hours, clock, hall.OpensAt, hall.ClosesAt);
        // The appointments' tally names its items in Chinese; the figures show them in the page's language.
        var itemNames = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => LocalNames.Of(i.Name, i.NameEn), ct);
        var appointments = (await Appointments.AppointmentTallies.PerItemAndDayAsync(db, hallId, period.From, period.To, ct))
            .Select(a => a with { ServiceItemName = itemNames.GetValueOrDefault(a.ServiceItemId, a.ServiceItemName) }).ToList();
        return new PastFigures(hallId, clock.TimeZoneId, period.From, period.To, total.Figures, total.LongestWaitMinutes,
            days.Select(d => new PastDay(d.Day, Figures(d), Round(d.LongestWait))).ToList(), perHour, appointments);
    }

    /// <summary>One business day summed; minutes are sums, so that averages over a range stay exact.</summary>
    private sealed record DayRow(DateOnly Day, int Issued, int Served, int Waiting, int NoShows, int Expired, int Waits, double WaitMinutes,
        double? LongestWait, int Services, double ServiceMinutes);

    /// <summary>Issued ("i") or served ("s") tickets in one UTC hour, <c>2026-11-23 02</c>.</summary>
    private sealed record HourRow(string What, string UtcHour, int Count);

    private static DayFigures Figures(DayRow d) => new(d.Issued, d.Served, d.Waiting, d.NoShows, Average(d.WaitMinutes, d.Waits),
        Average(d.ServiceMinutes, d.Services), d.Expired);

    private static (DayFigures Figures, double? LongestWaitMinutes) Sum(List<DayRow> days)
    {
        var all = new DayRow(default, days.Sum(d => d.Issued), days.Sum(d => d.Served), days.Sum(d => d.Waiting), days.Sum(d => d.NoShows),
            days.Sum(d => d.Expired), days.Sum(d => d.Waits), days.Sum(d => d.WaitMinutes), days.Max(d => d.LongestWait), days.Sum(d => d.Services),
            days.Sum(d => d.ServiceMinutes));
        return (Figures(all), Round(all.LongestWait));
    }

    /// <summary>
    /// UTC hours to the hall's hours, from opening to closing widened to any hour with tickets, as the dashboard's chart.
    /// A UTC hour is one local hour in every zone of a whole-hour offset (all of China's halls).
    /// </summary>
    private static List<HourFigures> PerLocalHour(List<HourRow> hours, HallClock clock, TimeOnly opensAt, TimeOnly closesAt)
    {
        var local = hours.Select(h => (h.What, Hour: clock.LocalTime(DateTime.ParseExact(h.UtcHour[..10] + " " + h.UtcHour[11..13], "yyyy-MM-dd HH",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).Hour, h.Count))
            .ToList();
        var issued = local.Where(h => h.What == "i").GroupBy(h => h.Hour).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var served = local.Where(h => h.What == "s").GroupBy(h => h.Hour).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var lastHour = closesAt == TimeOnly.MinValue ? 23 : (closesAt.Minute > 0 || closesAt.Second > 0 ? closesAt.Hour : closesAt.Hour - 1);
        var first = issued.Keys.Concat(served.Keys).Append(opensAt.Hour).Min();
        var last = issued.Keys.Concat(served.Keys).Append(Math.Max(opensAt.Hour, lastHour)).Max();
        return Enumerable.Range(first, last - first + 1)
            .Select(h => new HourFigures(h, issued.GetValueOrDefault(h), served.GetValueOrDefault(h))).ToList();
    }

    private static double? Average(double minutes, int count) => count == 0 ? null : Math.Round(minutes / count, 1);

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;
}
