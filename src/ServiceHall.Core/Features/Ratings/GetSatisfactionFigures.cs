using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

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

/// <summary>One group's counts behind its 好差评 figures, summed over some of the hall's days.</summary>
public sealed class SatisfactionTally
{
    public long Rated, VerySatisfied, Satisfied, BasicallySatisfied, Dissatisfied, VeryDissatisfied, Excluded;
    public long CalledBack, Closed, ReportedSatisfied, Finished, Deemed;

    public void Add(SatisfactionTally other)
    {
        Rated += other.Rated;
        VerySatisfied += other.VerySatisfied;
        Satisfied += other.Satisfied;
        BasicallySatisfied += other.BasicallySatisfied;
        Dissatisfied += other.Dissatisfied;
        VeryDissatisfied += other.VeryDissatisfied;
        Excluded += other.Excluded;
        CalledBack += other.CalledBack;
        Closed += other.Closed;
        ReportedSatisfied += other.ReportedSatisfied;
        Finished += other.Finished;
        Deemed += other.Deemed;
    }

    public static SatisfactionTally Sum(IEnumerable<SatisfactionTally> tallies)
    {
        var sum = new SatisfactionTally();
        foreach (var t in tallies)
            sum.Add(t);
        return sum;
    }

    /// <summary>The six figures of DESIGN from the counts (rates rounded to 4 places, null without a base).</summary>
    public SatisfactionFigure Figure(Guid? key, string name)
    {
        var active = (int)(VerySatisfied + Satisfied + BasicallySatisfied + Dissatisfied + VeryDissatisfied);
        var bad = (int)(Dissatisfied + VeryDissatisfied);
        var deemed = (int)Deemed;
        var total = active + deemed;
        var finished = (int)Finished;
        // Every rating rates a finished service of its own day and group, so the rest of them were not rated.
        var unrated = (int)Math.Max(0, Finished - Rated);
        return new SatisfactionFigure(key, name, total, (int)VerySatisfied, (int)Satisfied, (int)BasicallySatisfied + deemed,
            (int)Dissatisfied, (int)VeryDissatisfied, Rate(active - bad + deemed, total), bad, (int)CalledBack, (int)Closed,
            Rate((int)CalledBack, bad), Rate((int)Closed, bad), active, Rate(active - bad, active), deemed, finished, unrated,
            Rate(unrated, finished), (int)ReportedSatisfied, Rate((int)ReportedSatisfied, (int)Closed), (int)Excluded);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>
/// Satisfaction per hall, department, counter, staff member or item over a period of the hall's days
/// (S1, DESIGN: 好评率, 主动评价好评率, 未评率, 差评回复率, 回访整改率, 回访整改满意率). Ratings and services both count
/// on the service's business day (the ticket's; a rating carries it), so that 未评率 compares the services of a
/// period with their own ratings. The database counts them per day and group (<see cref="SatisfactionSql"/>).
/// </summary>
public sealed class GetSatisfactionFigures(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<List<SatisfactionFigure>> HandleAsync(Guid hallId, Guid readerId, DateOnly from, DateOnly to, FigureGrouping by,
        CancellationToken ct)
    {
        var days = await ReadDaysAsync(hallId, readerId, from, to, by, ct);
        var names = await NamesAsync(hallId, by, ct);
        return days.GroupBy(d => d.Key)
            .Select(g => SatisfactionTally.Sum(g.Select(d => d.Tally)).Figure(g.Key, g.Key is { } k ? names.GetValueOrDefault(k, "") : ""))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each day's counts of each group of the period, for figures over any span of it (a month of a year).</summary>
    public async Task<List<(DateOnly Day, Guid? Key, SatisfactionTally Tally)>> ReadDaysAsync(Guid hallId, Guid readerId, DateOnly from,
        DateOnly to, FigureGrouping by, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw DomainException.Invalid("to", ErrorCodes.InvalidDate);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var deemAfter = (await rules.ForHallAsync(hallId, ct)).DefaultRatingAfterDays;
        DateTime? deemedBefore = deemAfter is { } after ? time.GetUtcNow().UtcDateTime.AddDays(-after) : null;
        var ratings = await SatisfactionSql.RatingsAsync(db, hallId, from, to, by, ct);
        var followUps = await SatisfactionSql.FollowUpsAsync(db, hallId, from, to, by, ct);
        var services = await SatisfactionSql.ServicesAsync(db, hallId, from, to, by, deemedBefore, ct);
        var departmentOf = by == FigureGrouping.Department
            ? await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, i => (Guid?)i.DepartmentId, ct)
            : null;

        var days = new Dictionary<(DateOnly, Guid?), SatisfactionTally>();
        SatisfactionTally At(DateOnly day, Guid? key)
        {
            if (!days.TryGetValue((day, key), out var tally))
                days[(day, key)] = tally = new SatisfactionTally();
            return tally;
        }
        foreach (var r in ratings)
            At(r.Day, r.Key).Add(new SatisfactionTally
            {
                Rated = r.Rated, VerySatisfied = r.VerySatisfied, Satisfied = r.Satisfied, BasicallySatisfied = r.BasicallySatisfied,
                Dissatisfied = r.Dissatisfied, VeryDissatisfied = r.VeryDissatisfied, Excluded = r.Excluded,
            });
        foreach (var f in followUps)
            At(f.Day, f.Key).Add(new SatisfactionTally { CalledBack = f.CalledBack, Closed = f.Closed, ReportedSatisfied = f.ReportedSatisfied });
        foreach (var s in services)
        {
            // A department's services come grouped by item (see SatisfactionSql).
            var key = departmentOf is null ? s.Key : s.Key is { } item ? departmentOf.GetValueOrDefault(item) : null;
            At(s.Day, key).Add(new SatisfactionTally { Finished = s.Finished, Deemed = s.Deemed });
        }
        return days.Select(d => (Day: d.Key.Item1, Key: d.Key.Item2, Tally: d.Value)).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(Guid hallId, FigureGrouping by, CancellationToken ct) => by switch
    {
        FigureGrouping.Department => await db.Departments.Where(d => d.HallId == hallId).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct),
        FigureGrouping.Counter => await db.Counters.Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => LocalNames.Of(c.Name, c.NameEn), ct),
        FigureGrouping.Staff => await db.Users.Where(HallMembers.In(db, hallId)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
        FigureGrouping.Item => await db.ServiceItems.Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, i => LocalNames.Of(i.Name, i.NameEn), ct),
        _ => await db.Halls.Where(h => h.Id == hallId).ToDictionaryAsync(h => h.Id, h => LocalNames.Of(h.Name, h.NameEn), ct),
    };
}
