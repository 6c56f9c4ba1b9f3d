using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

public sealed record TickCaseMaterialsRequest(List<Guid>? ReceivedMaterialIds);

/// <summary>The counter ticks the materials received (the whole list at once, so a retried request changes nothing).</summary>
public sealed class TickCaseMaterials(HallDbContext db, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, TickCaseMaterialsRequest request, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (!CaseStateMachine.MaterialsEditable(c.Status))
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
            CaseAccess.Tick(c, request.ReceivedMaterialIds);
            c.Version++;
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
