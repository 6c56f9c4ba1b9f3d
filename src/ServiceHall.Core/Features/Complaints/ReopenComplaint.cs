using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Complaints;

/// <summary>
/// The complainant disagrees with the reply: the complaint goes back to investigation with new reply
/// and close deadlines counted from today. A complaint marked malicious or duplicate is not reopened.
/// </summary>
public sealed class ReopenComplaint(ComplaintStep step, HallDbContext db, TimeProvider time, IWorkingDays workingDays,
    HallSupervisionRules rules)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, ComplaintNoteRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Note, "note");
        return step.RunAsync(complaintId, userId, ComplaintAction.Reopened, [ComplaintStatus.Replied, ComplaintStatus.Closed], reason,
            async (c, _) =>
            {
                if (c.Disposition != ComplaintDisposition.None)
                    throw DomainException.Conflict(ErrorCodes.ComplaintWrongStatus, c.Number, c.Status);
                var zone = await db.Halls.Where(h => h.Id == c.HallId).Select(h => h.TimeZoneId).FirstAsync(ct);
                var today = new HallClock(zone).BusinessDay(time.GetUtcNow().UtcDateTime);
                var o = await rules.ForHallAsync(c.HallId, ct);
                c.ReplyDue = await workingDays.AddAsync(c.HallId, today, o.ComplaintReplyWorkingDays, ct);
                c.CloseDue = await workingDays.AddAsync(c.HallId, today, o.ComplaintCloseWorkingDays, ct);
                c.ReopenCount++;
                c.ClosedAt = null;
                return c.AssigneeUserId is null ? ComplaintStatus.Registered : ComplaintStatus.Investigating;
            }, ct);
    }
}
