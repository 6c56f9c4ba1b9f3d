using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// Renames, reorders or deactivates a department. Tickets and counters refer to it, so it is never
/// deleted; it is deactivated only once no active item or counter belongs to it.
/// </summary>
public sealed class UpdateDepartment(HallDbContext db, IHallNotifier notifier)
{
    public async Task<DepartmentView> HandleAsync(Guid departmentId, DepartmentRequest request, CancellationToken ct)
    {
        var name = AdminInput.Text(request.Name, "name", 100);
        var sortOrder = AdminInput.Range(request.SortOrder, "sortOrder", 0, 9999, 0);
        var active = request.IsActive ?? true;
        DepartmentView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.DepartmentNotFound);
            await CreateDepartment.EnsureNameFreeAsync(db, department.HallId, department.Id, name, ct);
            if (department.IsActive && !active)
            {
                var items = await db.ServiceItems.CountAsync(i => i.DepartmentId == departmentId && i.IsActive, ct);
                var counters = await db.Counters.CountAsync(c => c.DepartmentId == departmentId && c.IsActive, ct);
                if (items + counters > 0)
                    throw DomainException.Conflict(ErrorCodes.DepartmentInUse, department.Name, items, counters);
            }
            department.Name = name;
            department.SortOrder = sortOrder;
            department.IsActive = active;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            view = DepartmentView.From(department);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }
}
