using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Complaints;

public sealed record AssignComplaintRequest(Guid? AssigneeUserId, string? Note);

/// <summary>承办: a supervisor gives the complaint to someone of the hall to investigate; reassigning is allowed until the reply.</summary>
public sealed class AssignComplaint(ComplaintStep step, HallDbContext db)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, AssignComplaintRequest request, CancellationToken ct)
    {
        if (request.AssigneeUserId is not { } assignee)
            throw DomainException.Required("assigneeUserId");
        var note = request.Note?.Trim() is { Length: > 0 } n ? Reasons.Require(n, "note") : null;
        return step.RunAsync(complaintId, userId, ComplaintAction.Assigned,
            [ComplaintStatus.Registered, ComplaintStatus.Assigned, ComplaintStatus.Investigating], note, async (c, now) =>
            {
                var ok = await db.Users.AnyAsync(u => u.Id == assignee && (u.HallId == null || u.HallId == c.HallId)
                    && db.UserRoles.Any(ur => ur.UserId == u.Id
                        && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Supervisor))), ct);
                if (!ok)
                    throw DomainException.Invalid("assigneeUserId", ErrorCodes.UserNotFound);
                c.AssigneeUserId = assignee;
                c.AssignedAt = now;
                return c.Status == ComplaintStatus.Registered ? ComplaintStatus.Assigned : c.Status;
            }, ct);
    }
}
