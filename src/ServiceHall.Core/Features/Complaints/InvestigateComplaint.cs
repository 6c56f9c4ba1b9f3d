namespace ServiceHall.Core.Features.Complaints;

public sealed record ComplaintNoteRequest(string? Note);

/// <summary>调查: the assignee starts the investigation.</summary>
public sealed class InvestigateComplaint(ComplaintStep step)
{
    public Task<ComplaintView> HandleAsync(Guid complaintId, Guid userId, ComplaintNoteRequest request, CancellationToken ct)
    {
        var note = request.Note?.Trim() is { Length: > 0 } n ? Reasons.Require(n, "note") : null;
        return step.RunAsync(complaintId, userId, ComplaintAction.InvestigationStarted, [ComplaintStatus.Assigned], note,
            async (c, _) =>
            {
                await step.EnsureHandlerAsync(c, userId, ct);
                return ComplaintStatus.Investigating;
            }, ct);
    }
}
