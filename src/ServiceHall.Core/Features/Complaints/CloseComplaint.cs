namespace ServiceHall.Core.Features.Complaints;

/// <summary>归档: after the reply, the complaint is closed.</summary>
public sealed class CloseComplaint(ComplaintStep step)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, ComplaintNoteRequest request, CancellationToken ct)
    {
        var note = request.Note?.Trim() is { Length: > 0 } n ? Reasons.Require(n, "note") : null;
        return step.RunAsync(complaintId, userId, ComplaintAction.Closed, [ComplaintStatus.Replied], note, (c, now) =>
        {
            c.ClosedAt = now;
            return Task.FromResult(ComplaintStatus.Closed);
        }, ct);
    }
}
