using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>What the figures are grouped by.</summary>
public enum FigureGrouping
{
    Hall,
    Department,
    Counter,
    Staff,
    Item,
}

/// <summary>The 好差评 figures of one group over a period. Rates are 0–1, null when their base is empty.</summary>
/// <param name="Total">Ratings counted: the citizens' own, plus services counted as 基本满意 by the hall's setting.</param>
/// <param name="SatisfactionRate">好评率: 非常满意, 满意 and 基本满意 over <paramref name="Total"/>.</param>
/// <param name="Active">Ratings the citizens gave themselves (主动评价).</param>
/// <param name="ActiveSatisfactionRate">主动评价好评率: good ratings among <paramref name="Active"/>.</param>
/// <param name="Deemed">Services not rated within the hall's days, counted as 基本满意 (off by default).</param>
/// <param name="Finished">Services finished in the period.</param>
/// <param name="Unrated">Finished services the citizen did not rate.</param>
/// <param name="UnratedRate">未评率: <paramref name="Unrated"/> over <paramref name="Finished"/>.</param>
/// <param name="CallbackRate">差评回复率: bad ratings whose citizen was called back.</param>
/// <param name="FollowUpRate">回访整改率: bad ratings whose follow-up is closed (回访, 核实, 整改 and 反馈 done).</param>
/// <param name="ReportedSatisfied">Closed follow-ups where the citizen was satisfied with the result.</param>
/// <param name="FollowUpSatisfactionRate">回访整改满意率: <paramref name="ReportedSatisfied"/> over closed follow-ups.</param>
/// <param name="Excluded">Bad ratings removed by appeal (申诉复核), not in any other figure.</param>
public sealed record SatisfactionFigure(Guid? Key, string Name, int Total, int VerySatisfied, int Satisfied, int BasicallySatisfied,
    int Dissatisfied, int VeryDissatisfied, double? SatisfactionRate, int Bad, int CalledBack, int Closed, double? CallbackRate,
    double? FollowUpRate, int Active, double? ActiveSatisfactionRate, int Deemed, int Finished, int Unrated, double? UnratedRate,
    int ReportedSatisfied, double? FollowUpSatisfactionRate, int Excluded);

/// <summary>
/// Satisfaction per hall, department, counter, staff member or item over a period of the hall's days
/// (S1, DESIGN: 好评率, 主动评价好评率, 未评率, 差评回复率, 回访整改率, 回访整改满意率). Ratings count by the
/// day they were given, services by the day they were finished.
/// </summary>
public sealed class GetSatisfactionFigures(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<List<SatisfactionFigure>> HandleAsync(Guid hallId, Guid readerId, DateOnly from, DateOnly to, FigureGrouping by,
        CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw DomainException.Invalid("to", ErrorCodes.InvalidDate);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        var clock = new HallClock(zone);
        var start = clock.ToUtc(from, TimeOnly.MinValue);
        var end = clock.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.HallId == hallId && r.RatedAt >= start && r.RatedAt < end)
            .GroupJoin(db.RatingFollowUps, r => r.Id, f => f.RatingId, (r, f) => new { r, f })
            .SelectMany(x => x.f.DefaultIfEmpty(), (x, f) => new
            {
                x.r.Level, x.r.CounterId, x.r.StaffUserId, x.r.ServiceItemId, x.r.DepartmentId, Excluded = x.r.ExcludedAt != null,
                CalledBack = f != null && f.CalledBackAt != null,
                Closed = f != null && f.ClosedAt != null,
                Satisfied = f != null && f.CitizenSatisfied == true,
            })
            .ToListAsync(ct);
        var services = await db.Tickets.AsNoTracking()
            // The business day bounds the finish (a ticket is served on its own day, or expires): the index on the hall's days
            // finds the period's tickets instead of reading every ticket the hall ever issued.
            .Where(t => t.HallId == hallId && t.BusinessDay >= from.AddDays(-1) && t.BusinessDay <= to && t.Status == TicketStatus.Done
                && t.FinishedAt >= start && t.FinishedAt < end)
            .Select(t => new
            {
                t.CounterId, t.ServiceItemId, t.FinishedAt,
                Staff = db.TicketEvents.Where(e => e.TicketId == t.Id && e.Kind == TicketEventKind.Finished).Select(e => e.UserId).FirstOrDefault()
                    ?? t.CalledByUserId,
                Rated = db.Ratings.Any(r => r.TicketId == t.Id),
            })
            .ToListAsync(ct);
        var departmentOf = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, i => (Guid?)i.DepartmentId, ct);
        var deemAfter = (await rules.ForHallAsync(hallId, ct)).DefaultRatingAfterDays;
        var now = time.GetUtcNow().UtcDateTime;

        Guid? KeyOf(Guid? counter, Guid? staff, Guid item, Guid? department) => by switch
        {
            FigureGrouping.Department => department,
            FigureGrouping.Counter => counter,
            FigureGrouping.Staff => staff,
            FigureGrouping.Item => item,
            _ => hallId,
        };
        var rated = ratings.Select(r => (Key: KeyOf(r.CounterId, r.StaffUserId, r.ServiceItemId, r.DepartmentId), Rating: r)).ToList();
        var unrated = services.Where(s => !s.Rated)
            .Select(s => (Key: KeyOf(s.CounterId, s.Staff, s.ServiceItemId, departmentOf.GetValueOrDefault(s.ServiceItemId)),
                Deemed: deemAfter is { } days && s.FinishedAt!.Value.AddDays(days) <= now))
            .ToList();
        var finished = services.Select(s => KeyOf(s.CounterId, s.Staff, s.ServiceItemId, departmentOf.GetValueOrDefault(s.ServiceItemId)))
            .ToList();

        var names = await NamesAsync(hallId, by, ct);
        var keys = rated.Select(r => r.Key).Concat(finished).Distinct().ToList();
        return keys.Select(key =>
            {
                var group = rated.Where(r => r.Key == key).Select(r => r.Rating).ToList();
                var counted = group.Where(r => !r.Excluded).ToList();
                int Count(SatisfactionLevel l) => counted.Count(r => r.Level == l);
                var deemed = unrated.Count(u => u.Key == key && u.Deemed);
                var active = counted.Count;
                var bad = Count(SatisfactionLevel.Dissatisfied) + Count(SatisfactionLevel.VeryDissatisfied);
                var activeGood = active - bad;
                var total = active + deemed;
                var badRatings = counted.Where(r => Rating.Bad(r.Level)).ToList();
                var calledBack = badRatings.Count(r => r.CalledBack);
                var closed = badRatings.Count(r => r.Closed);
                var satisfied = badRatings.Count(r => r.Closed && r.Satisfied);
                var finishedHere = finished.Count(k => k == key);
                var unratedHere = unrated.Count(u => u.Key == key);
                return new SatisfactionFigure(key, key is { } k ? names.GetValueOrDefault(k, "") : "", total,
                    Count(SatisfactionLevel.VerySatisfied), Count(SatisfactionLevel.Satisfied), Count(SatisfactionLevel.BasicallySatisfied) + deemed,
                    Count(SatisfactionLevel.Dissatisfied), Count(SatisfactionLevel.VeryDissatisfied), Rate(activeGood + deemed, total), bad,
                    calledBack, closed, Rate(calledBack, bad), Rate(closed, bad), active, Rate(activeGood, active), deemed, finishedHere,
                    unratedHere, Rate(unratedHere, finishedHere), satisfied, Rate(satisfied, closed), group.Count - counted.Count);
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private async Task<Dictionary<Guid, string>> NamesAsync(Guid hallId, FigureGrouping by, CancellationToken ct) => by switch
    {
        FigureGrouping.Department => await db.Departments.Where(d => d.HallId == hallId).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
        FigureGrouping.Counter => await db.Counters.Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
        FigureGrouping.Staff => await db.Users.Where(u => u.HallId == hallId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
        FigureGrouping.Item => await db.ServiceItems.Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, i => i.Name, ct),
        _ => await db.Halls.Where(h => h.Id == hallId).ToDictionaryAsync(h => h.Id, h => h.Name, ct),
    };
}
