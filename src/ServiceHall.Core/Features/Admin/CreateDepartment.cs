using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Admin;

public sealed record DepartmentRequest(string? Name, int? SortOrder = null, bool? IsActive = null);

/// <summary>A department (部门) of a hall, owning items and counters; names are unique within the hall.</summary>
public sealed class CreateDepartment(HallDbContext db, TimeProvider time)
{
    public async Task<DepartmentView> HandleAsync(Guid hallId, DepartmentRequest request, CancellationToken ct)
    {
        var name = AdminInput.Text(request.Name, "name", 100);
        var sortOrder = AdminInput.Range(request.SortOrder, "sortOrder", 0, 9999, 0);
        await using var write = await db.BeginWriteAsync(ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        await EnsureNameFreeAsync(db, hallId, null, name, ct);
        var department = new Department
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), HallId = hallId, Name = name, SortOrder = sortOrder,
            IsActive = request.IsActive ?? true,
        };
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return DepartmentView.From(department);
    }

    internal static async Task EnsureNameFreeAsync(HallDbContext db, Guid hallId, Guid? self, string name, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(d => d.HallId == hallId && d.Name == name && d.Id != self, ct))
            throw DomainException.Conflict(ErrorCodes.DepartmentNameTaken, name);
    }
}
