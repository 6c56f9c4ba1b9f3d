using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>
/// The drill-down: the records behind one figure of one unit — tickets, ratings, complaints, findings, attendance days or
/// cards — read by the same rules as the score. For a closed month, what was recorded after closing is left out.
/// Ratings and complaints show their stored text, where personal numbers are masked (P3); no contact is given.
/// </summary>
public sealed class GetAssessmentRecords(HallDbContext db, TimeProvider time, ReadAssessmentFacts facts)
{
    public async Task<List<AssessmentRecord>> HandleAsync(Guid hallId, Guid readerId, int? year, int? month, AssessmentScope scope, Guid unitId,
        AssessmentIndicator indicator, CancellationToken ct)
    {
        if (!Enum.IsDefined(scope))
            throw DomainException.Invalid("scope", ErrorCodes.BadRequest);
        if (!Enum.IsDefined(indicator))
            throw DomainException.Invalid("indicator", ErrorCodes.BadRequest);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        return await RecordsAsync(hallId, readerId, y, m, scope, unitId, indicator, ct);
    }

    public async Task<List<AssessmentRecord>> RecordsAsync(Guid hallId, Guid readerId, int year, int month, AssessmentScope scope, Guid unitId,
        AssessmentIndicator indicator, CancellationToken ct)
    {
        var closedAt = await db.AssessmentClosedMonths.AsNoTracking().Where(c => c.HallId == hallId && c.Year == year && c.Month == month)
            .Select(c => (DateTime?)c.ClosedAt).FirstOrDefaultAsync(ct);
        return await facts.RecordsAsync(hallId, readerId, year, month, closedAt, scope, unitId, indicator, ct);
    }
}

/// <summary>A staff member's own month: their row, manual items and adjustments.</summary>
public sealed record MyAssessment(AssessmentReport Report, AssessmentRow? Row);

/// <summary>
/// A staff member sees their own score and its records (<c>/assessment/mine</c>), never anyone else's: the report is cut
/// down to their row, their manual items and adjustments.
/// </summary>
public sealed class GetMyAssessment(HallDbContext db, TimeProvider time, GetAssessment assessment, GetAssessmentRecords records)
{
    public async Task<MyAssessment> HandleAsync(Guid userId, int? year, int? month, CancellationToken ct)
    {
        var hallId = await HallOfAsync(userId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        var report = await assessment.ReportAsync(hallId, userId, y, m, AssessmentScope.Staff, ct);
        var row = report.Rows.FirstOrDefault(r => r.UnitId == userId);
        return new MyAssessment(report with
        {
            Rows = row is null ? [] : [row],
            ManualItems = [.. report.ManualItems.Where(i => i.UnitId == userId)],
            Adjustments = [.. report.Adjustments.Where(a => a.UnitId == userId)],
        }, row);
    }

    public async Task<List<AssessmentRecord>> RecordsAsync(Guid userId, int? year, int? month, AssessmentIndicator indicator, CancellationToken ct)
    {
        if (!Enum.IsDefined(indicator))
            throw DomainException.Invalid("indicator", ErrorCodes.BadRequest);
        var hallId = await HallOfAsync(userId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        return await records.RecordsAsync(hallId, userId, y, m, AssessmentScope.Staff, userId, indicator, ct);
    }

    private async Task<Guid> HallOfAsync(Guid userId, CancellationToken ct) =>
        await HallAccess.UserHallAsync(db, userId, ct) ?? throw DomainException.Invalid("hall", ErrorCodes.HallRequired);
}
