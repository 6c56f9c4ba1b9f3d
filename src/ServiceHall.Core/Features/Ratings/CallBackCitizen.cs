namespace ServiceHall.Core.Features.Ratings;

public sealed record FollowUpNoteRequest(string? Note);

/// <summary>回访: the citizen who rated badly has been called back; what they said is noted. Next: 核实.</summary>
public sealed class CallBackCitizen(FollowUpStep step)
{
    public Task<FollowUpView> HandleAsync(Guid followUpId, Guid userId, FollowUpNoteRequest request, CancellationToken ct)
    {
        var note = Reasons.Require(request.Note, "note");
        return step.RunAsync(followUpId, userId, FollowUpStage.Callback, note, (f, now) =>
        {
            f.CalledBackAt = now;
            f.CallbackNote = note;
            return Task.FromResult(FollowUpStage.Verification);
        }, ct);
    }
}
