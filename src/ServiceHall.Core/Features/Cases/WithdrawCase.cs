using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

public sealed record WithdrawCaseRequest(string? Reason);

/// <summary>The applicant withdraws (撤回) before completion; the reason is recorded.</summary>
public sealed class WithdrawCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, WithdrawCaseRequest request, Guid userId, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            CaseAccess.Move(db, c, CaseStatus.Withdrawn, userId, now, reason);
            c.WithdrawalReason = reason;
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
