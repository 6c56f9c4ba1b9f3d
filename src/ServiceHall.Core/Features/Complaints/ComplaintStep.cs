using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Complaints;

/// <summary>
/// One change of a complaint: allowed only from the listed statuses, recorded with who and when, the
/// status moved by a conditional update so that two people acting at once cannot both move it.
/// </summary>
public sealed class ComplaintStep(HallDbContext db, TimeProvider time)
{
    public async Task<ComplaintView> RunAsync(Guid complaintId, Guid userId, ComplaintAction action, ComplaintStatus[] from,
        string? note, Func<Complaint, DateTime, Task<ComplaintStatus>> apply, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
        await HallAccess.EnsureAsync(db, complaint.HallId, userId, ct);
        var status = complaint.Status;
        if (!from.Contains(status))
            throw DomainException.Conflict(ErrorCodes.ComplaintWrongStatus, complaint.Number, status);
        var to = await apply(complaint, now);
        var moved = await db.Complaints.Where(c => c.Id == complaintId && c.Status == status)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, to), ct);
        if (moved == 0)
            throw DomainException.Conflict(ErrorCodes.ComplaintWrongStatus, complaint.Number, status);
        complaint.Status = to;
        db.Entry(complaint).Property(c => c.Status).IsModified = false;
        db.ComplaintEvents.Add(new ComplaintEvent
        {
            ComplaintId = complaintId, Action = action, From = status, To = to, UserId = userId, At = now, Note = note,
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return await ListComplaints.GetAsync(db, complaintId, ct);
    }

    /// <summary>Investigation and reply are the assignee's, or a supervisor's.</summary>
    public async Task EnsureHandlerAsync(Complaint complaint, Guid userId, CancellationToken ct)
    {
        if (complaint.AssigneeUserId == userId)
            return;
        var supervisor = await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Supervisor || r.Name == Roles.Admin)), ct);
        if (!supervisor)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.ComplaintNotAssignee);
    }
}
