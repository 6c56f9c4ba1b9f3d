namespace ServiceHall.Core.Features.Ratings;

public sealed record ReportFollowUpResultRequest(string? Note, bool? CitizenSatisfied);

/// <summary>反馈: the result is reported back to the citizen, with their view of it; the follow-up closes.</summary>
public sealed class ReportFollowUpResult(FollowUpStep step)
{
    public Task<FollowUpView> HandleAsync(Guid followUpId, Guid userId, ReportFollowUpResultRequest request, CancellationToken ct)
    {
        var note = Reasons.Require(request.Note, "note");
        return step.RunAsync(followUpId, userId, FollowUpStage.ReportBack, note, (f, now) =>
        {
            f.ReportedAt = now;
            f.ReportNote = note;
            f.CitizenSatisfied = request.CitizenSatisfied;
            f.ClosedAt = now;
            return Task.FromResult(FollowUpStage.Closed);
        }, ct);
    }
}
