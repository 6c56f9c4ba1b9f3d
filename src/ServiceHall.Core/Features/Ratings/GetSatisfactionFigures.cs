using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
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

/// <param name="SatisfactionRate">好评率: 非常满意, 满意 and 基本满意 over all ratings; null without ratings.</param>
/// <param name="FollowUpRate">回访整改率: bad ratings whose follow-up is closed, over all bad ratings.</param>
/// <param name="CallbackRate">差评回复率: bad ratings whose citizen was called back.</param>
public sealed record SatisfactionFigure(Guid? Key, string Name, int Total, int VerySatisfied, int Satisfied, int BasicallySatisfied,
    int Dissatisfied, int VeryDissatisfied, double? SatisfactionRate, int Bad, int CalledBack, int Closed, double? CallbackRate,
    double? FollowUpRate);

/// <summary>Satisfaction per hall, department, counter, staff member or item over a period of the hall's days (S1).</summary>
public sealed class GetSatisfactionFigures(HallDbContext db)
{
    public async Task<List<SatisfactionFigure>> HandleAsync(Guid hallId, Guid readerId, DateOnly from, DateOnly to, FigureGrouping by,
        CancellationToken ct)
    {
        if (to < from)
            throw DomainException.Invalid("to", ErrorCodes.InvalidDate);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        var clock = new HallClock(zone);
        var start = clock.ToUtc(from, TimeOnly.MinValue);
        var end = clock.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var rows = await db.Ratings.AsNoTracking().Where(r => r.HallId == hallId && r.RatedAt >= start && r.RatedAt < end)
            .GroupJoin(db.RatingFollowUps, r => r.Id, f => f.RatingId, (r, f) => new { r, f })
            .SelectMany(x => x.f.DefaultIfEmpty(), (x, f) => new
            {
                x.r.Level, x.r.CounterId, x.r.StaffUserId, x.r.ServiceItemId, x.r.DepartmentId,
                CalledBack = f != null && f.CalledBackAt != null,
                Closed = f != null && f.ClosedAt != null,
            })
            .ToListAsync(ct);

        var names = await NamesAsync(hallId, by, ct);
        return rows.GroupBy(r => by switch
            {
                FigureGrouping.Department => r.DepartmentId,
                FigureGrouping.Counter => r.CounterId,
                FigureGrouping.Staff => r.StaffUserId,
                FigureGrouping.Item => r.ServiceItemId,
                _ => (Guid?)hallId,
            })
            .Select(g =>
            {
                int Count(SatisfactionLevel l) => g.Count(r => r.Level == l);
                var total = g.Count();
                var good = Count(SatisfactionLevel.VerySatisfied) + Count(SatisfactionLevel.Satisfied) + Count(SatisfactionLevel.BasicallySatisfied);
                var bad = total - good;
                var calledBack = g.Count(r => r.CalledBack);
                var closed = g.Count(r => r.Closed);
                return new SatisfactionFigure(g.Key, g.Key is { } k ? names.GetValueOrDefault(k, "") : "", total,
                    Count(SatisfactionLevel.VerySatisfied), Count(SatisfactionLevel.Satisfied), Count(SatisfactionLevel.BasicallySatisfied),
                    Count(SatisfactionLevel.Dissatisfied), Count(SatisfactionLevel.VeryDissatisfied), Rate(good, total), bad, calledBack,
                    closed, Rate(calledBack, bad), Rate(closed, bad));
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
