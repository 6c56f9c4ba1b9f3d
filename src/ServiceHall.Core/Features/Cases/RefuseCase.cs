using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record RefuseCaseRequest(string? Reason, string? Basis);

/// <summary>M4 (不予受理): only with a reason and its basis, on a numbered, printable notice; by the case's holder or a supervisor.</summary>
public sealed class RefuseCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, RefuseCaseRequest request, Guid userId, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var basis = Reasons.Require(request.Basis, "basis");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            // A refusal speaks for the hall: the staff member who holds the case, or a supervisor of its hall.
            if (!actor.IsSupervisor && c.RegisteredByUserId != userId && c.AcceptedByUserId != userId)
                throw new DomainException(ErrorKind.Forbidden, ErrorCodes.CaseNotYours, c.Number);
            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            CaseAccess.Move(db, c, CaseStatus.Refused, userId, now, reason);
            c.RefusalReason = reason;
            c.RefusalBasis = basis;
            c.RefusedAt = now;
            c.RefusalNumber = await DocumentNumbers.NextAsync(db, c.HallId, DocumentKinds.Refusal, new HallClock(hall.TimeZoneId).BusinessDay(now).Year, ct);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
