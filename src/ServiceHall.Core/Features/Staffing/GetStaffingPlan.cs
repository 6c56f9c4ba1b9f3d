using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>One local hour of a planned day (9 for 09:00–09:59).</summary>
/// <param name="Planned">Counters the hall plans to open: the supervisor's figure, else those open then in the history weeks.</param>
/// <param name="Gap">Planned minus needed: below zero, counters are missing.</param>
public sealed record StaffingHour(int Hour, double ArrivalsPerHour, int ErlangC, int Needed, int Planned, bool PlannedBySupervisor,
    int Gap, double? SimulatedShare, bool BeyondCounters);

/// <summary>A day of the plan; a day the hall is closed (calendar, weekday hours) has no hours.</summary>
public sealed record StaffingDay(DateOnly Date, DayOfWeek Weekday, bool Open, List<StaffingHour> Hours);

/// <summary>The staffing plan of a hall for some days, with the target and history it was made from.</summary>
public sealed record StaffingPlanView(Guid HallId, string TimeZoneId, StaffingTarget Target, DateOnly HistoryFrom, DateOnly HistoryTo,
    int Counters, List<StaffingDay> Days);

/// <summary>
/// B1: for each open hour of the days asked, the counters needed so that the hall's target holds (Erlang C per
/// item, corrected by the simulation of the hall), beside the counters planned, with the gap. The history is
/// the last <see cref="StaffingTarget.HistoryWeeks"/> weeks before today in the hall's zone; days off and closed
/// weekdays of the hall calendar show closed.
/// </summary>
public sealed class GetStaffingPlan(HallDbContext db, TimeProvider time)
{
    public const int MaxDays = 14;

    public async Task<StaffingPlanView> HandleAsync(Guid hallId, DateOnly? from, int? days, Guid readerId, CancellationToken ct)
    {
        var count = days ?? 7;
        if (count is < 1 or > MaxDays)
            throw DomainException.Invalid("days", ErrorCodes.OutOfRange, "days", 1, MaxDays);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var now = time.GetUtcNow().UtcDateTime;
        var today = clock.BusinessDay(now);
        var first = from ?? today.AddDays(1);
        var target = await UpdateStaffingSettings.ReadAsync(db, hallId, ct);

        var historyFrom = today.AddDays(-7 * target.HistoryWeeks);
        var calendar = await HallCalendar.LoadAsync(db, hallId, ct);
        var listed = new Dictionary<int, Dictionary<DateOnly, CalendarDayKind>>();
        DaySchedule Schedule(DateOnly day)
        {
            if (!listed.TryGetValue(day.Year, out var year))
                listed[day.Year] = year = calendar.Year(day.Year).Days.ToDictionary(d => d.Date, d => d.Kind);
            return OpeningHours.For(hall, day, calendar.Calendar.IsWorkingDay(day), year.TryGetValue(day, out var kind) ? kind : (CalendarDayKind?)null);
        }
        var openDays = Enumerable.Range(0, today.DayNumber - historyFrom.DayNumber).Select(historyFrom.AddDays)
            .Where(d => Schedule(d).Open).ToList();

        var buckets = await StaffingHistorySql.BucketsAsync(db, hallId, historyFrom, today, ct);
        var windowStart = clock.ToUtc(historyFrom, TimeOnly.MinValue);
        var windowEnd = clock.ToUtc(today, TimeOnly.MinValue);
        var sessions = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.OpenedAt < windowEnd && (s.ClosedAt == null || s.ClosedAt > windowStart))
            .Select(s => new HistorySession(s.CounterId, s.OpenedAt, s.ClosedAt))
            .ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId && i.IsActive)
            .Select(i => new ItemDefaults(i.Id, i.AverageServiceMinutes, i.MaxWaitMinutes)).ToListAsync(ct);
        var activeItems = items.Select(i => i.Id).ToHashSet();
        var counters = (await db.Counters.AsNoTracking().Where(c => c.HallId == hallId && c.IsActive).OrderBy(c => c.Number)
                .Select(c => new { c.Id, Items = c.ServiceItems.Select(s => s.ServiceItemId).ToList() }).ToListAsync(ct))
            .Select(c => new CounterItems(c.Id, c.Items.Where(activeItems.Contains).ToList())).ToList();
        var planned = await db.PlannedCounters.AsNoTracking().Where(p => p.HallId == hallId)
            .ToDictionaryAsync(p => (p.Weekday, p.Hour), p => p.Counters, ct);

        var demand = StaffingHistory.Demand(buckets, items, openDays, clock);
        // Sessions open before the window ends count only up to its end: today is not history yet.
        var wereOpen = StaffingHistory.CountersOpen(sessions, openDays, clock, windowEnd);
        var policy = QueuePolicy.From(hall);
        var planDays = Enumerable.Range(0, count).Select(first.AddDays).Select(d => (Date: d, Schedule: Schedule(d))).ToList();
        // Each weekday-hour's need is independent of the others and seeded alike, so they are worked out in parallel
        // (the simulations are most of a plan's time) and placed by weekday-hour: the same figures as one by one.
        var keys = planDays.Where(d => d.Schedule.Open)
            .SelectMany(d => ServiceHours(d.Schedule).Select(hour => (d.Date.DayOfWeek, hour)))
            .Distinct().Where(demand.PerHour.ContainsKey).ToArray();
        var worked = new HourNeed[keys.Length];
        Parallel.For(0, keys.Length, new ParallelOptions { CancellationToken = ct },
            i => worked[i] = StaffingPlanner.Needed(demand.PerHour[keys[i]], counters, policy, target, demand.NoShowMinutes));
        var needs = keys.Zip(worked).ToDictionary(k => k.First, k => k.Second);

        var plan = new List<StaffingDay>();
        foreach (var (day, schedule) in planDays)
        {
            if (!schedule.Open)
            {
                plan.Add(new StaffingDay(day, day.DayOfWeek, false, []));
                continue;
            }
            var hours = new List<StaffingHour>();
            foreach (var hour in ServiceHours(schedule))
            {
                var key = (day.DayOfWeek, hour);
                var need = needs.GetValueOrDefault(key, HourNeed.None);
                var own = planned.TryGetValue(key, out var p);
                var plannedCounters = own ? p : wereOpen.GetValueOrDefault(key);
                hours.Add(new StaffingHour(hour, Math.Round(need.ArrivalsPerHour, 1), need.ErlangC, need.Needed, plannedCounters, own,
                    plannedCounters - need.Needed, need.SimulatedShare is { } s ? Math.Round(s, 3) : null, need.BeyondCounters));
            }
            plan.Add(new StaffingDay(day, day.DayOfWeek, true, hours));
        }
        return new StaffingPlanView(hallId, hall.TimeZoneId, target, historyFrom, today.AddDays(-1), counters.Count, plan);
    }

    /// <summary>The first day of next week (Monday to Sunday): from a Monday, the Monday after.</summary>
    public static DateOnly NextMonday(DateOnly today)
    {
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    /// <summary>The local hours the hall serves in: from the opening hour to the one closing falls in, leaving out hours wholly in the lunch break.</summary>
    public static IEnumerable<int> ServiceHours(DaySchedule schedule)
    {
        var last = schedule.ClosesAt == TimeOnly.MinValue ? 23 : schedule.ClosesAt.Add(TimeSpan.FromTicks(-1)).Hour;
        for (var hour = schedule.OpensAt.Hour; hour <= last; hour++)
        {
            var start = new TimeOnly(hour, 0);
            var inLunch = schedule.LunchStartsAt is { } ls && schedule.LunchEndsAt is { } le && start >= ls
                && (hour == 23 ? TimeOnly.MaxValue : new TimeOnly(hour + 1, 0)) <= le;
            if (!inLunch)
                yield return hour;
        }
    }
}
