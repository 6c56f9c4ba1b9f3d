using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Complaints;

/// <param name="DepartmentId">承办单位, optional: the department answerable; the assignee (承办人) investigates.</param>
/// <param name="Category">The supervisor's classification (投诉类别), optional: the category stays as it is when none is given.</param>
public sealed record AssignComplaintRequest(Guid? AssigneeUserId, string? Note, Guid? DepartmentId = null, ComplaintCategory? Category = null);

/// <summary>承办: a supervisor gives the complaint to someone of the hall to investigate; reassigning is allowed until the reply.</summary>
public sealed class AssignComplaint(ComplaintStep step, HallDbContext db)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, AssignComplaintRequest request, CancellationToken ct)
    {
        if (request.AssigneeUserId is not { } assignee)
            throw DomainException.Required("assigneeUserId");
        if (request.Category is { } category && !Enum.IsDefined(category))
            throw DomainException.Invalid("category", ErrorCodes.BadRequest);
        var note = request.Note?.Trim() is { Length: > 0 } n ? Reasons.Require(n, "note") : null;
        return step.RunAsync(complaintId, userId, ComplaintAction.Assigned,
            [ComplaintStatus.Registered, ComplaintStatus.Assigned, ComplaintStatus.Investigating], note, async (c, now) =>
            {
                // The hall's staff and supervisors (working here today or not), or a city-wide one without a hall.
                var ok = await HallMembers.WithRole(db, c.HallId, Roles.Staff, Roles.Supervisor).AnyAsync(u => u.Id == assignee, ct)
                    || await db.Users.AnyAsync(u => u.Id == assignee && u.HallId == null && db.UserRoles.Any(ur => ur.UserId == u.Id
                        && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Supervisor))), ct);
                if (!ok)
                    throw DomainException.Invalid("assigneeUserId", ErrorCodes.UserNotFound);
                if (request.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department && d.HallId == c.HallId, ct))
                    throw DomainException.Invalid("departmentId", ErrorCodes.DepartmentNotFound);
                c.AssigneeDepartmentId = request.DepartmentId;
                c.Category = request.Category ?? c.Category;
                c.AssigneeUserId = assignee;
                c.AssignedAt = now;
                return c.Status == ComplaintStatus.Registered ? ComplaintStatus.Assigned : c.Status;
            }, ct);
    }
}
