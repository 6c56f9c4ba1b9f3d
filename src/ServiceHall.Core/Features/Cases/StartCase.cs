using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

/// <summary>The accepted case goes to processing (办理中).</summary>
public sealed class StartCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            CaseAccess.Move(db, c, CaseStatus.InProgress, userId, now);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
