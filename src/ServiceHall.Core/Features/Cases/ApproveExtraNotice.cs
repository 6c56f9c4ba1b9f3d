using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

public sealed record ApproveExtraNoticeRequest(string? Reason);

/// <summary>A supervisor allows one more one-time notice for a case and says why; the notice will carry the reason and be counted as an exception.</summary>
public sealed class ApproveExtraNotice(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, ApproveExtraNoticeRequest request, Guid userId, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (c.Status != CaseStatus.Resubmitted || c.Notices.Count == 0)
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
            c.ExtraNoticeReason = reason;
            c.ExtraNoticeApprovedByUserId = userId;
            CaseAccess.Step(db, c, CaseStep.ExtraNoticeApproved, userId, now, reason);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
