using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

public sealed record CompleteCaseRequest(string? Result);

/// <summary>办结: completion time and result (GB/T 39046 A.6); the deadline stops counting.</summary>
public sealed class CompleteCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, CompleteCaseRequest request, Guid userId, CancellationToken ct)
    {
        var result = Reasons.Require(request.Result, "result");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            CaseAccess.Move(db, c, CaseStatus.Completed, userId, now, result);
            c.CompletedAt = now;
            c.Result = result;
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
