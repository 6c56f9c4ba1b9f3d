using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Complaints;

/// <param name="Finding">What the investigation found (internal).</param>
/// <param name="Reply">What the complainant is told (意见反馈); shown on the public tracking page.</param>
public sealed record ReplyToComplaintRequest([Text(Complaint.MaxContentLength, MultiLine = true)] string? Finding,
    [Text(Complaint.MaxContentLength, MultiLine = true)] string? Reply);

/// <summary>处置 and 意见反馈: the finding is recorded and the complainant gets the reply.</summary>
public sealed class ReplyToComplaint(ComplaintStep step)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, ReplyToComplaintRequest request, CancellationToken ct)
    {
        var finding = RegisterComplaint.Text(request.Finding, "finding", Complaint.MaxContentLength);
        var reply = RegisterComplaint.Text(request.Reply, "reply", Complaint.MaxContentLength);
        return step.RunAsync(complaintId, userId, ComplaintAction.Replied, [ComplaintStatus.Investigating], reply, async (c, now) =>
        {
            await step.EnsureHandlerAsync(c, userId, ct);
            c.Finding = finding;
            c.Reply = reply;
            c.RepliedAt = now;
            return ComplaintStatus.Replied;
        }, ct);
    }
}
