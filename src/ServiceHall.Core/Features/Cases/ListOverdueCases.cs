using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record OverdueCase(Guid Id, string Number, string ItemName, CaseStatus Status, string ApplicantName, DateOnly DueDate,
    int DaysOverdue);

public sealed record DepartmentOverdueCases(Guid DepartmentId, string DepartmentName, List<OverdueCase> Cases);

/// <summary>M5: the running cases past their deadline, per department, for supervisors.</summary>
public sealed class ListOverdueCases(HallDbContext db, TimeProvider time)
{
    public async Task<List<DepartmentOverdueCases>> HandleAsync(Guid hallId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var hall = await db.Halls.AsNoTracking().Include(h => h.Departments).FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        if (actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var calendar = (await HallCalendar.LoadAsync(db, hallId, ct)).Calendar;
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => c.HallId == hallId && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress)
                        && c.DueAt != null && c.DueAt <= now && c.ClockPausedAt == null)
            .OrderBy(c => c.DueAt)
            .Select(c => new { c.Id, c.Number, c.DepartmentId, c.Status, c.ApplicantNameMasked, c.DueDate,
                Item = db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.Name).First(),
                ItemEn = db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.NameEn).First() })
            .ToListAsync(ct);
        return [.. hall.Departments.OrderBy(d => d.SortOrder)
            .Select(d => new DepartmentOverdueCases(d.Id, LocalNames.Of(d.Name, d.NameEn), [.. overdue.Where(c => c.DepartmentId == d.Id)
                .Select(c => new OverdueCase(c.Id, c.Number, LocalNames.Of(c.Item, c.ItemEn), c.Status, c.ApplicantNameMasked, c.DueDate!.Value,
                    Math.Max(1, DeadlineRules.DaysOverdue(calendar, today, c.DueDate!.Value))))]))
            .Where(d => d.Cases.Count > 0)];
    }
}
