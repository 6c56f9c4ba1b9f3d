using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>
/// One department's month for its printed report: its own row, its counters' rows, the rows of the staff who worked for it,
/// and the manual items and adjustments of the department and its counters.
/// </summary>
public sealed record DepartmentAssessment(AssessmentReport Department, AssessmentRow Row, List<AssessmentRow> Counters, List<ManualItemView> ManualItems,
    List<AdjustmentView> Adjustments, List<AssessmentRow> Staff);

/// <summary>
/// The monthly report per department (S7): the department's score indicator by indicator, its counters ranked, and its
/// staff. Staff belong to no department; the ones who worked for it are those who sat at one of its counters in the month
/// (a counter session of theirs there overlaps the month, hall's days), each with their own month's score — so one who
/// sat at two departments' counters is on both reports (ADR-024).
/// </summary>
public sealed class GetDepartmentAssessment(HallDbContext db, TimeProvider time, GetAssessment assessment)
{
    public async Task<DepartmentAssessment> HandleAsync(Guid hallId, Guid readerId, int? year, int? month, Guid departmentId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var (y, m) = await AssessmentMonths.ResolveAsync(db, time, hallId, year, month, ct);
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId && d.HallId == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.DepartmentNotFound);
        var department = await assessment.ReportAsync(hallId, readerId, y, m, AssessmentScope.Department, ct);
        var counters = await assessment.ReportAsync(hallId, readerId, y, m, AssessmentScope.Counter, ct);
        var own = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId && c.DepartmentId == departmentId).Select(c => c.Id).ToListAsync(ct);
        var row = department.Rows.FirstOrDefault(r => r.UnitId == departmentId) ?? throw DomainException.NotFound(ErrorCodes.DepartmentNotFound);
        var clock = new HallClock(department.TimeZoneId);
        var first = new DateOnly(y, m, 1);
        var (from, to) = (clock.ToUtc(first, TimeOnly.MinValue), clock.ToUtc(first.AddMonths(1), TimeOnly.MinValue));
        var worked = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && own.Contains(s.CounterId) && s.OpenedAt < to && (s.ClosedAt == null || s.ClosedAt > from))
            .Select(s => s.UserId).Distinct().ToListAsync(ct);
        List<AssessmentRow> staff = worked.Count == 0 ? [] : (await assessment.ReportAsync(hallId, readerId, y, m, AssessmentScope.Staff, ct)).Rows
            .Where(r => worked.Contains(r.UnitId)).OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new DepartmentAssessment(department, row, [.. counters.Rows.Where(r => own.Contains(r.UnitId))],
            [.. department.ManualItems.Where(i => i.UnitId == departmentId), .. counters.ManualItems.Where(i => own.Contains(i.UnitId))],
            [.. department.Adjustments.Where(a => a.UnitId == departmentId), .. counters.Adjustments.Where(a => own.Contains(a.UnitId))], staff);
    }
}
