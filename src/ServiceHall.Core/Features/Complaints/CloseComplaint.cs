namespace ServiceHall.Core.Features.Complaints;

/// <param name="Upheld">Whether the complaint was found justified (成立); left out when not decided. The monthly assessment counts upheld ones (S7).</param>
public sealed record CloseComplaintRequest(string? Note, bool? Upheld = null);

/// <summary>归档: after the reply, the complaint is closed.</summary>
public sealed class CloseComplaint(ComplaintStep step)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, CloseComplaintRequest request, CancellationToken ct)
    {
        var note = request.Note?.Trim() is { Length: > 0 } n ? Reasons.Require(n, "note") : null;
        return step.RunAsync(complaintId, userId, ComplaintAction.Closed, [ComplaintStatus.Replied], note, (c, now) =>
        {
            c.ClosedAt = now;
            c.Upheld = request.Upheld;
            return Task.FromResult(ComplaintStatus.Closed);
        }, ct);
    }
}
