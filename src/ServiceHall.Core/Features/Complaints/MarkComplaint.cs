using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Complaints;

public sealed record MarkComplaintRequest(ComplaintDisposition? Disposition, string? Reason, Guid? DuplicateOfId);

/// <summary>
/// A malicious or duplicate complaint is marked so with a reason and closed — never deleted, so it
/// is still counted and can be read in the record.
/// </summary>
public sealed class MarkComplaint(ComplaintStep step, HallDbContext db)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, MarkComplaintRequest request, CancellationToken ct)
    {
        if (request.Disposition is not ({ } disposition and (ComplaintDisposition.Malicious or ComplaintDisposition.Duplicate)))
            throw DomainException.Required("disposition");
        var reason = Reasons.Require(request.Reason, "reason");
        if (disposition == ComplaintDisposition.Duplicate && request.DuplicateOfId is null)
            throw DomainException.Required("duplicateOfId");
        var action = disposition == ComplaintDisposition.Malicious ? ComplaintAction.MarkedMalicious : ComplaintAction.MarkedDuplicate;
        return step.RunAsync(complaintId, userId, action,
            [ComplaintStatus.Registered, ComplaintStatus.Assigned, ComplaintStatus.Investigating, ComplaintStatus.Replied], reason,
            async (c, now) =>
            {
                if (disposition == ComplaintDisposition.Duplicate
                    && (request.DuplicateOfId == c.Id
                        || !await db.Complaints.AnyAsync(o => o.Id == request.DuplicateOfId && o.HallId == c.HallId, ct)))
                    throw DomainException.Invalid("duplicateOfId", ErrorCodes.ComplaintNotFound);
                c.Disposition = disposition;
                c.DispositionReason = reason;
                c.DuplicateOfId = disposition == ComplaintDisposition.Duplicate ? request.DuplicateOfId : null;
                c.ClosedAt = now;
                return ComplaintStatus.Closed;
            }, ct);
    }
}
