using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>One department's month for its printed report: its own row, its counters' rows, and the manual items and adjustments of both.</summary>
public sealed record DepartmentAssessment(AssessmentReport Department, AssessmentRow Row, List<AssessmentRow> Counters, List<ManualItemView> ManualItems,
    List<AdjustmentView> Adjustments);

/// <summary>The monthly report per department (S7): the department's score indicator by indicator and its counters ranked.</summary>
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
        return new DepartmentAssessment(department, row, [.. counters.Rows.Where(r => own.Contains(r.UnitId))],
            [.. department.ManualItems.Where(i => i.UnitId == departmentId), .. counters.ManualItems.Where(i => own.Contains(i.UnitId))],
            [.. department.Adjustments.Where(a => a.UnitId == departmentId), .. counters.Adjustments.Where(a => own.Contains(a.UnitId))]);
    }
}
