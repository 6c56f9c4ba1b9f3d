using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Assessment;

public sealed record ManualItemView(Guid Id, AssessmentScope Scope, Guid UnitId, string UnitName, ManualItemKind Kind, double Points, string Reason,
    DateOnly Day, string RecordedBy, DateTime RecordedAt, DateTime? RemovedAt, string? RemovedBy, string? RemovalReason);

public sealed record AdjustmentView(Guid Id, AssessmentScope Scope, Guid UnitId, string UnitName, double Points, string Reason, string RecordedBy,
    DateTime RecordedAt);

/// <summary>
/// A month's scores of one scope. A closed month shows its snapshot, with the adjustments recorded since beside it.
/// <paramref name="ServedTargetPerDay"/> is the hall's target of tickets served per staff member and day attended (the
/// closed month's, then); null while tickets served are scored against the month's best.
/// </summary>
public sealed record AssessmentReport(Guid HallId, string HallName, string TimeZoneId, int Year, int Month, AssessmentScope Scope, bool Closed,
    DateTime? ClosedAt, string? ClosedBy, bool Published, List<IndicatorWeight> Weights, List<AssessmentRow> Rows, List<ManualItemView> ManualItems,
    List<AdjustmentView> Adjustments, int? ServedTargetPerDay = null);

/// <summary>What a closed month keeps: the weights and the target of tickets served then in force, and the rows of every scope.</summary>
public sealed record AssessmentSnapshot(List<IndicatorWeight> Weights, List<AssessmentRow> Rows, int? ServedTargetPerDay = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static AssessmentSnapshot FromJson(string json) => JsonSerializer.Deserialize<AssessmentSnapshot>(json, Json)!;
}

/// <summary>The month asked for, checked; the hall's current month by default.</summary>
public static class AssessmentMonths
{
    public static async Task<(int Year, int Month)> ResolveAsync(HallDbContext db, TimeProvider time, Guid hallId, int? year, int? month, CancellationToken ct)
    {
        if (year is < 2000 or > 2099)
            throw DomainException.Invalid("year", ErrorCodes.OutOfRange, "year", 2000, 2099);
        if (month is < 1 or > 12)
            throw DomainException.Invalid("month", ErrorCodes.OutOfRange, "month", 1, 12);
        var today = await TodayAsync(db, time, hallId, ct);
        return (year ?? today.Year, month ?? today.Month);
    }

    public static async Task<DateOnly> TodayAsync(HallDbContext db, TimeProvider time, Guid hallId, CancellationToken ct) =>
        (await HallClock.ForHallAsync(db, hallId, ct)).BusinessDay(time.GetUtcNow().UtcDateTime);

    /// <summary>A month is over once the hall's day is in a later month.</summary>
    public static bool IsOver(int year, int month, DateOnly today) => new DateOnly(year, month, 1).AddMonths(1) <= today;
}

/// <summary>
/// The monthly scores (S7) per staff member, counter or department: every indicator's figure, points and weight, the
/// manual items, the total and the rank. An open month is computed from the records now (a changed weight changes it);
/// a closed month is its snapshot.
/// </summary>
public sealed class GetAssessment(HallDbContext db, TimeProvider time, ReadAssessmentFacts facts)
{
    public async Task<AssessmentReport> HandleAsync(Guid hallId, Guid readerId, int? year, int? month, AssessmentScope scope, CancellationToken ct)
    {
        if (!Enum.IsDefined(scope))
            throw DomainException.Invalid("scope", ErrorCodes.BadRequest);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        return await ReportAsync(hallId, readerId, y, m, scope, ct);
    }

    /// <summary>The report without the access check: for use cases that have made it.</summary>
    public async Task<AssessmentReport> ReportAsync(Guid hallId, Guid readerId, int year, int month, AssessmentScope scope, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new { h.Name, h.NameEn, h.TimeZoneId }).FirstAsync(ct);
        var closed = await db.AssessmentClosedMonths.AsNoTracking().FirstOrDefaultAsync(c => c.HallId == hallId && c.Year == year && c.Month == month, ct);
        var manual = await ManualItemsAsync(hallId, year, month, ct);
        var adjustments = await AdjustmentsAsync(hallId, year, month, ct);
        List<IndicatorWeight> weights;
        List<AssessmentRow> rows;
        int? target;
        if (closed is not null)
        {
            var snapshot = AssessmentSnapshot.FromJson(closed.Snapshot);
            weights = snapshot.Weights;
            target = snapshot.ServedTargetPerDay;
            rows = [.. snapshot.Rows.Where(r => r.Scope == scope).Select(r =>
            {
                var adjusted = AssessmentRules.Round(adjustments.Where(a => a.Scope == scope && a.UnitId == r.UnitId).Sum(a => a.Points));
                return r with { AdjustmentPoints = adjusted, AdjustedTotal = AssessmentRules.Total(r.Total, adjusted) };
            })];
        }
        else
        {
            weights = await WeightsAsync(db, hallId, ct);
            target = await ServedTargetAsync(db, hallId, ct);
            rows = await ScoreAsync(hallId, readerId, year, month, weights, target, manual, [scope], ct);
        }
        var names = await NamesAsync(db, hallId, ct);
        string UnitName(AssessmentScope s, Guid id) => names.GetValueOrDefault((s, id)) ?? "";
        // Rows are scored (and a closed month's kept) under the Chinese names; counters and departments are shown in the page's.
        rows = [.. rows.Select(r => r.Scope == AssessmentScope.Staff ? r : r with { Name = names.GetValueOrDefault((r.Scope, r.UnitId)) ?? r.Name })];
        var users = await UserNamesAsync([.. manual.SelectMany(i => new[] { i.RecordedByUserId, i.RemovedByUserId ?? Guid.Empty }),
            .. adjustments.Select(a => a.RecordedByUserId), closed?.ClosedByUserId ?? Guid.Empty], ct);
        return new AssessmentReport(hallId, LocalNames.Of(hall.Name, hall.NameEn), hall.TimeZoneId, year, month, scope, closed is not null, closed?.ClosedAt,
            closed is null ? null : users.GetValueOrDefault(closed.ClosedByUserId), closed?.PublishedAt is not null, weights, rows,
            [.. manual.Where(i => i.Scope == scope).Select(i => new ManualItemView(i.Id, i.Scope, i.UnitId, UnitName(i.Scope, i.UnitId), i.Kind, i.Points,
                i.Reason, i.Day, users.GetValueOrDefault(i.RecordedByUserId) ?? "", i.RecordedAt, i.RemovedAt,
                i.RemovedByUserId is { } r ? users.GetValueOrDefault(r) : null, i.RemovalReason))],
            [.. adjustments.Where(a => a.Scope == scope).Select(a => new AdjustmentView(a.Id, a.Scope, a.UnitId, UnitName(a.Scope, a.UnitId), a.Points,
                a.Reason, users.GetValueOrDefault(a.RecordedByUserId) ?? "", a.RecordedAt))], target);
    }

    /// <summary>Scores the scopes asked for from the records now: what an open month shows and what closing stores.</summary>
    public async Task<List<AssessmentRow>> ScoreAsync(Guid hallId, Guid readerId, int year, int month, List<IndicatorWeight> weights,
        int? servedTargetPerDay, List<AssessmentManualItem> manual, AssessmentScope[] scopes, CancellationToken ct)
    {
        var read = await facts.ReadAsync(hallId, readerId, year, month, ct);
        var target = servedTargetPerDay is { } perDay ? new ServedTarget(perDay, read.DaysAttended) : null;
        return [.. scopes.SelectMany(s => AssessmentScoring.Score(s, read.Units, read.Facts, weights,
            manual.Where(i => i.Scope == s && i.RemovedAt == null).GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.Sum(i => i.Points)), target))];
    }

    /// <summary>The hall's target of tickets served per staff member and day attended; null when it scores them against the month's best.</summary>
    public static async Task<int?> ServedTargetAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        await db.AssessmentServedTargets.AsNoTracking().Where(t => t.HallId == hallId).Select(t => (int?)t.PerDay).FirstOrDefaultAsync(ct);

    /// <summary>Every indicator with the hall's weight, in the rules' order.</summary>
    public static async Task<List<IndicatorWeight>> WeightsAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var own = await db.AssessmentWeights.AsNoTracking().Where(w => w.HallId == hallId).ToDictionaryAsync(w => w.Indicator, w => w.Weight, ct);
        return [.. AssessmentRules.Indicators.Select(r => own.TryGetValue(r.Indicator, out var w)
            ? new IndicatorWeight(r.Indicator, w, true)
            : new IndicatorWeight(r.Indicator, r.DefaultWeight, false))];
    }

    public Task<List<AssessmentManualItem>> ManualItemsAsync(Guid hallId, int year, int month, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        return db.AssessmentManualItems.AsNoTracking().Where(i => i.HallId == hallId && i.Day >= first && i.Day < next)
            .OrderBy(i => i.Day).ThenBy(i => i.RecordedAt).ToListAsync(ct);
    }

    private Task<List<AssessmentAdjustment>> AdjustmentsAsync(Guid hallId, int year, int month, CancellationToken ct) =>
        db.AssessmentAdjustments.AsNoTracking().Where(a => a.HallId == hallId && a.Year == year && a.Month == month)
            .OrderBy(a => a.RecordedAt).ToListAsync(ct);

    /// <summary>The names of the hall's staff, counters and departments, the counters and departments in the page's language.</summary>
    internal static async Task<Dictionary<(AssessmentScope, Guid), string>> NamesAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var names = new Dictionary<(AssessmentScope, Guid), string>();
        foreach (var u in await db.Users.AsNoTracking().Where(HallMembers.In(db, hallId)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            names[(AssessmentScope.Staff, u.Id)] = u.DisplayName;
        foreach (var c in await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).Select(c => new { c.Id, c.Name, c.NameEn }).ToListAsync(ct))
            names[(AssessmentScope.Counter, c.Id)] = LocalNames.Of(c.Name, c.NameEn);
        foreach (var d in await db.Departments.AsNoTracking().Where(d => d.HallId == hallId).Select(d => new { d.Id, d.Name, d.NameEn }).ToListAsync(ct))
            names[(AssessmentScope.Department, d.Id)] = LocalNames.Of(d.Name, d.NameEn);
        return names;
    }

    private async Task<Dictionary<Guid, string>> UserNamesAsync(Guid[] ids, CancellationToken ct)
    {
        var distinct = ids.Where(i => i != Guid.Empty).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => distinct.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
