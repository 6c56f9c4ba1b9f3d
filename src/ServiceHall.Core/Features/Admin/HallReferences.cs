using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Admin;

/// <summary>References from one setting to another must stay inside the hall.</summary>
internal static class HallReferences
{
    public static async Task<Department> ActiveDepartmentAsync(HallDbContext db, Guid hallId, Guid departmentId, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId && d.HallId == hallId, ct)
            ?? throw DomainException.Invalid("departmentId", ErrorCodes.DepartmentNotFound);
        return department.IsActive ? department : throw DomainException.Invalid("departmentId", ErrorCodes.DepartmentInactive, department.Name);
    }
}
