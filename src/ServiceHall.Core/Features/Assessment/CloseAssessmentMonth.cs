using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>
/// Closing a month freezes it: the scores of every scope are stored as they are (the snapshot) and later records,
/// weights, targets or manual items no longer move them; a correction is then an adjustment. Only a month that is over closes,
/// and only once (the month's key makes a second close a conflict, on one node or several).
/// </summary>
public sealed class CloseAssessmentMonth(HallDbContext db, TimeProvider time, GetAssessment assessment)
{
    public async Task<AssessmentReport> HandleAsync(Guid hallId, Guid userId, int year, int month, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        if (!AssessmentMonths.IsOver(y, m, await AssessmentMonths.TodayAsync(db, time, hallId, ct)))
            throw DomainException.Invalid("month", AssessmentErrors.MonthNotOver);
        await AssessmentUnits.EnsureOpenAsync(db, hallId, y, m, ct);

        var weights = await GetAssessment.WeightsAsync(db, hallId, ct);
        var target = await GetAssessment.ServedTargetAsync(db, hallId, ct);
        var manual = await assessment.ManualItemsAsync(hallId, y, m, ct);
        var rows = await assessment.ScoreAsync(hallId, userId, y, m, weights, target, manual, Enum.GetValues<AssessmentScope>(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var write = await db.BeginWriteAsync(ct);
            await AssessmentUnits.EnsureOpenAsync(db, hallId, y, m, ct);
            db.AssessmentClosedMonths.Add(new AssessmentClosedMonth
            {
                HallId = hallId, Year = y, Month = m, ClosedAt = now, ClosedByUserId = userId, Snapshot = new AssessmentSnapshot(weights, rows, target).ToJson(),
            });
            db.AssessmentEvents.Add(new AssessmentEvent
            {
                HallId = hallId, Action = AssessmentAction.MonthClosed, Year = y, Month = m, UserId = userId, At = now, Detail = $"{y}-{m:00}",
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(AssessmentErrors.MonthClosed);
        }
        db.ChangeTracker.Clear();
        return await assessment.ReportAsync(hallId, userId, y, m, AssessmentScope.Staff, ct);
    }
}

public sealed record AdjustmentRequest(AssessmentScope? Scope, Guid? UnitId, double? Points, string? Reason);

/// <summary>A correction after closing: who, why and how many points, shown beside the frozen score; the snapshot is not touched.</summary>
public sealed class RecordAssessmentAdjustment(HallDbContext db, TimeProvider time)
{
    public async Task<AssessmentAdjustment> HandleAsync(Guid hallId, Guid userId, int year, int month, AdjustmentRequest request, CancellationToken ct)
    {
        var scope = request.Scope is { } s && Enum.IsDefined(s) ? s : throw DomainException.Required("scope");
        var unitId = request.UnitId ?? throw DomainException.Required("unitId");
        var points = AssessmentUnits.Points(request.Points);
        var reason = Reasons.Require(request.Reason, "reason");
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        await AssessmentUnits.EnsureAsync(db, hallId, scope, unitId, ct);
        if (!await db.AssessmentClosedMonths.AnyAsync(c => c.HallId == hallId && c.Year == y && c.Month == m, ct))
            throw DomainException.Conflict(AssessmentErrors.MonthOpen);

        var now = time.GetUtcNow().UtcDateTime;
        var adjustment = new AssessmentAdjustment
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Year = y, Month = m, Scope = scope, UnitId = unitId, Points = points, Reason = reason,
            RecordedByUserId = userId, RecordedAt = now,
        };
        await using var write = await db.BeginWriteAsync(ct);
        db.AssessmentAdjustments.Add(adjustment);
        db.AssessmentEvents.Add(new AssessmentEvent
        {
            HallId = hallId, Action = AssessmentAction.AdjustmentRecorded, Year = y, Month = m, UserId = userId, At = now,
            Detail = UpdateAssessmentWeights.Truncate($"{scope} {unitId} {points:+0.#;-0.#}: {reason}"),
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return adjustment;
    }
}

public sealed record PublishRankingRequest(bool Published);

/// <summary>A closed month's ranking is published (公示) or withdrawn by a supervisor; published, it shows names, badge numbers and scores only.</summary>
public sealed class PublishAssessmentRanking(HallDbContext db, TimeProvider time)
{
    public async Task<bool> HandleAsync(Guid hallId, Guid userId, int year, int month, PublishRankingRequest request, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var closed = await db.AssessmentClosedMonths.FirstOrDefaultAsync(c => c.HallId == hallId && c.Year == y && c.Month == m, ct)
            ?? throw DomainException.Conflict(AssessmentErrors.MonthOpen);
        closed.PublishedAt = request.Published ? now : null;
        closed.PublishedByUserId = request.Published ? userId : null;
        db.AssessmentEvents.Add(new AssessmentEvent
        {
            HallId = hallId, Action = request.Published ? AssessmentAction.RankingPublished : AssessmentAction.RankingWithdrawn, Year = y, Month = m,
            UserId = userId, At = now, Detail = $"{y}-{m:00}",
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return request.Published;
    }
}

public sealed record RankingRow(int Rank, string Name, string? BadgeNumber, double Total);

public sealed record PublishedRanking(string HallName, int Year, int Month, AssessmentScope Scope, DateTime PublishedAt, List<RankingRow> Rows);

/// <summary>The published ranking (公示) for anyone: names, badge numbers and the final scores of a closed month, nothing else.</summary>
public sealed class GetPublishedRanking(HallDbContext db)
{
    public async Task<PublishedRanking> HandleAsync(Guid hallId, int year, int month, AssessmentScope scope, CancellationToken ct)
    {
        if (!Enum.IsDefined(scope))
            throw DomainException.Invalid("scope", ErrorCodes.BadRequest);
        var hall = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new { h.Name, h.NameEn }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var closed = await db.AssessmentClosedMonths.AsNoTracking()
            .FirstOrDefaultAsync(c => c.HallId == hallId && c.Year == year && c.Month == month && c.PublishedAt != null, ct)
            ?? throw DomainException.NotFound(AssessmentErrors.NotPublished);
        var adjustments = await db.AssessmentAdjustments.AsNoTracking().Where(a => a.HallId == hallId && a.Year == year && a.Month == month && a.Scope == scope)
            .GroupBy(a => a.UnitId).Select(g => new { g.Key, Points = g.Sum(a => a.Points) }).ToDictionaryAsync(g => g.Key, g => g.Points, ct);
        var names = await GetAssessment.NamesAsync(db, hallId, ct);
        var rows = AssessmentSnapshot.FromJson(closed.Snapshot).Rows.Where(r => r.Scope == scope)
            .Select(r => (Name: scope == AssessmentScope.Staff ? r.Name : names.GetValueOrDefault((scope, r.UnitId)) ?? r.Name, r.BadgeNumber,
                Total: AssessmentRules.Total(r.Total, adjustments.GetValueOrDefault(r.UnitId)))).ToList();
        var ranks = AssessmentRules.Rank(rows.Select(r => r.Total).ToList());
        return new PublishedRanking(LocalNames.Of(hall.Name, hall.NameEn), year, month, scope, closed.PublishedAt!.Value,
            [.. rows.Select((r, i) => new RankingRow(ranks[i], r.Name, scope == AssessmentScope.Staff ? r.BadgeNumber : null, r.Total))
                .OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal)]);
    }
}
