using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Complaints;

public sealed record ExtendComplaintDeadlineRequest(int? WorkingDays, string? Reason);

/// <summary>
/// 延期 (GB/T 39046 table 10: 延期时限/原因): a supervisor extends the deadline of the stage the complaint
/// is at by working days, with a reason; later stages move with it so their order holds.
/// </summary>
public sealed class ExtendComplaintDeadline(ComplaintStep step, IWorkingDays workingDays)
{
    public const int MaxWorkingDays = 30;

    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, ExtendComplaintDeadlineRequest request, CancellationToken ct)
    {
        if (request.WorkingDays is not { } days)
            throw DomainException.Required("workingDays");
        if (days < 1 || days > MaxWorkingDays)
            throw DomainException.Invalid("workingDays", ErrorCodes.OutOfRange, "workingDays", 1, MaxWorkingDays);
        var reason = Reasons.Require(request.Reason, "reason");
        return step.RunAsync(complaintId, userId, ComplaintAction.DeadlineExtended,
            [ComplaintStatus.Registered, ComplaintStatus.Assigned, ComplaintStatus.Investigating, ComplaintStatus.Replied], reason,
            async (c, _) =>
            {
                async Task<DateOnly> Later(DateOnly day) => await workingDays.AddAsync(c.HallId, day, days, ct);
                switch (c.Status)
                {
                    case ComplaintStatus.Registered:
                        c.AssignDue = await Later(c.AssignDue);
                        if (c.ReplyDue < c.AssignDue)
                            c.ReplyDue = c.AssignDue;
                        if (c.CloseDue < c.ReplyDue)
                            c.CloseDue = c.ReplyDue;
                        break;
                    case ComplaintStatus.Replied:
                        c.CloseDue = await Later(c.CloseDue);
                        break;
                    default:
                        c.ReplyDue = await Later(c.ReplyDue);
                        c.CloseDue = await Later(c.CloseDue);
                        break;
                }
                c.ExtendedUntil = Complaint.StageDue(c.Status, c.AssignDue, c.ReplyDue, c.CloseDue);
                c.ExtensionReason = reason;
                return c.Status;
            }, ct);
    }
}
