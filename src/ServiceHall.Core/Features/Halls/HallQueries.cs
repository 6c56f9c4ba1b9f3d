using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// A hall as kiosks, displays and phones read it. <c>OpensAt</c>…<c>IssueCutoff</c> are the default hours;
/// <c>Today</c> is what holds today (calendar, weekday hours, lunch break) and whether issuing goes on now.
/// <c>Kind</c> is the kind of hall (P7); <c>CitizenWord</c>/<c>CitizenWordEn</c> how its pages name the person served.
/// </summary>
public sealed record HallView(Guid Id, string Name, string? Address, string TimeZoneId, TimeOnly OpensAt,
    TimeOnly ClosesAt, TimeOnly IssueCutoff, PriorityPolicy PriorityPolicy, string? NoticeLine,
    TimeOnly? LunchStartsAt = null, TimeOnly? LunchEndsAt = null, bool IssueDuringLunch = true,
    IReadOnlyList<WeekdayHours>? WeekdayHours = null, HallTodayView? Today = null, HallKind Kind = HallKind.Government,
    string CitizenWord = Hall.DefaultCitizenWord, string CitizenWordEn = Hall.DefaultCitizenWordEn)
{
    /// <summary>The modules the hall uses (<see cref="HallModules"/>): the kiosk offers guides and check-in only where they are on.</summary>
    public IReadOnlyList<Templates.HallModule> Modules { get; init; } = HallModules.All;
}

/// <summary>Today's hours of a hall; <c>Issuing</c> is null while tickets are issued, else why not.</summary>
public sealed record HallTodayView(DateOnly Date, bool Open, TimeOnly? OpensAt, TimeOnly? ClosesAt, TimeOnly? IssueCutoff,
    TimeOnly? LunchStartsAt, TimeOnly? LunchEndsAt, UnavailableReason? Issuing);

/// <summary>
/// A service item; <c>Unavailable</c> says why it cannot be issued now (null: it can), and the wait is
/// estimated only where an open counter serves it.
/// </summary>
public sealed record ServiceItemView(Guid Id, Guid DepartmentId, string DepartmentName, string Name, string Prefix,
    int MaxWaiting, int MaxWaitMinutes, int AverageServiceMinutes, Guid[] CounterIds,
    TimeOnly? ServedFrom = null, TimeOnly? ServedUntil = null, int? DailyQuota = null,
    UnavailableReason? Unavailable = null, int? EstimatedWaitMinutes = null);

/// <summary>The public reads kiosks, displays and phones need: halls, items, counters.</summary>
public sealed class ListHalls(HallDbContext db, TimeProvider time)
{
    public async Task<List<HallView>> HandleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var halls = await db.Halls.AsNoTracking().OrderBy(h => h.Name).ToListAsync(ct);
        var views = new List<HallView>(halls.Count);
        foreach (var h in halls)
        {
            views.Add(new HallView(h.Id, LocalNames.Of(h.Name, h.NameEn), h.Address, h.TimeZoneId, h.OpensAt, h.ClosesAt, h.IssueCutoff,
                h.PriorityPolicy, LocalNames.Optional(h.NoticeLine, h.NoticeLineEn), h.LunchStartsAt, h.LunchEndsAt, h.IssueDuringLunch, h.WeekdayHours,
                await TodayAsync(db, h, now, ct), h.Kind, h.CitizenWord, h.CitizenWordEn) { Modules = HallModules.On(h.ModulesOff) });
        }
        return views;
    }

    public static async Task<HallTodayView> TodayAsync(HallDbContext db, Hall hall, DateTime now, CancellationToken ct)
    {
        var clock = new HallClock(hall.TimeZoneId);
        var day = clock.BusinessDay(now);
        var s = await HallDays.ScheduleAsync(db, hall, day, ct);
        // The hall's own reason: an item that would be available on every count of its own.
        var issuing = ItemAvailability.Check(s, clock.LocalTime(now), new ItemFacts(null, null, null, 0, 1));
        return s.Open
            ? new HallTodayView(day, true, s.OpensAt, s.ClosesAt, s.IssueCutoff, s.LunchStartsAt, s.LunchEndsAt, issuing)
            : new HallTodayView(day, false, null, null, null, null, null, issuing);
    }
}

public sealed class ListServiceItems(HallDbContext db, TimeProvider time)
{
    public async Task<List<ServiceItemView>> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var items = await db.ServiceItems.AsNoTracking()
            .Where(i => i.HallId == hallId && i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix)
            .Select(i => new
            {
                Item = i,
                Department = db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => new { d.Name, d.NameEn }).First(),
                Counters = i.Counters.Select(c => c.CounterId).ToArray(),
            })
            .ToListAsync(ct);

        var now = time.GetUtcNow().UtcDateTime;
        var clock = new HallClock(hall.TimeZoneId);
        var day = clock.BusinessDay(now);
        var schedule = await HallDays.ScheduleAsync(db, hall, day, ct);
        var localTime = clock.LocalTime(now);
        var issued = await db.TicketNumberSequences.AsNoTracking().Where(s => s.HallId == hallId && s.BusinessDay == day)
            .ToDictionaryAsync(s => s.ServiceItemId, s => s.LastSequence, ct);
        // Counters that would call the item: signed in, else at least in service (staff arrive at opening).
        var open = await QueueEstimates.ServingCountersAsync(db, hallId, ct);
        var waiting = (await WaitingCounts.OfHallAsync(db, hallId, ct))
            .GroupBy(c => c.ServiceItemId).ToDictionary(g => g.Key, g => g.Sum(c => c.Waiting));
        return items.Select(x =>
        {
            var i = x.Item;
            var counters = open.GetValueOrDefault(i.Id);
            var unavailable = ItemAvailability.Check(schedule, localTime,
                new ItemFacts(i.ServedFrom, i.ServedUntil, i.DailyQuota, issued.GetValueOrDefault(i.Id), counters));
            // No estimate where no counter serves the item: nobody could say when it is called.
            int? wait = counters > 0 ? WaitEstimator.EstimateMinutes(waiting.GetValueOrDefault(i.Id), i.AverageServiceMinutes, counters) : null;
            return new ServiceItemView(i.Id, i.DepartmentId, LocalNames.Of(x.Department.Name, x.Department.NameEn), LocalNames.Of(i.Name, i.NameEn), i.Prefix, i.MaxWaiting, i.MaxWaitMinutes,
                i.AverageServiceMinutes, x.Counters, i.ServedFrom, i.ServedUntil, i.DailyQuota, unavailable, wait);
        }).ToList();
    }
}

public sealed class ListCounters(HallDbContext db)
{
    /// <summary>The public list (display, phones): what a citizen may see, the staff only where the hall shows them.</summary>
    public async Task<List<PublicCounterView>> PublicAsync(Guid hallId, CancellationToken ct)
    {
        var counters = await HandleAsync(hallId, ct);
        var show = await db.Halls.Where(h => h.Id == hallId).Select(h => h.ShowStaffBadge).FirstAsync(ct);
        return counters.Select(c => PublicCounterView.From(c, show)).ToList();
    }

    public async Task<List<CounterStatusView>> HandleAsync(Guid hallId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var counters = await db.Counters.AsNoTracking().Include(c => c.ServiceItems)
            .Where(c => c.HallId == hallId && c.IsActive).OrderBy(c => c.Number).ToListAsync(ct);
        var sessions = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.ClosedAt == null).ToListAsync(ct);
        var staffIds = sessions.Select(s => s.UserId).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        // What each counter has called: a display opened mid-day shows the hall as it is.
        var current = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.CounterId != null && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Select(t => new { CounterId = t.CounterId!.Value, t.Number, t.Status })
            .ToListAsync(ct);
        return counters.Select(c =>
        {
            var session = sessions.FirstOrDefault(s => s.CounterId == c.Id);
            var ticket = current.FirstOrDefault(t => t.CounterId == c.Id);
            return CounterStatusView.From(c, session, session is null ? null : staff.GetValueOrDefault(session.UserId),
                ticket?.Number, ticket?.Status == TicketStatus.Serving);
        }).ToList();
    }
}
