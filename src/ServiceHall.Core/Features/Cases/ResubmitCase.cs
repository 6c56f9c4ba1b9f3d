using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Cases;

public sealed record ResubmitCaseRequest(Guid? TicketId, List<Guid>? ReceivedMaterialIds);

/// <summary>补正: the applicant returns with the missing materials; the case resumes at the counter (on a new ticket, if any).</summary>
public sealed class ResubmitCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, ResubmitCaseRequest request, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (request.TicketId is { } ticketId)
            {
                var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId && t.HallId == c.HallId, ct)
                    ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
                if (ticket.Status is not (TicketStatus.Called or TicketStatus.Serving) || ticket.CounterId is null)
                    throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
                await CounterAccess.OperateAsync(db, ticket.CounterId.Value, userId, now, ct);
                c.TicketId = ticket.Id;
                c.CounterId = ticket.CounterId;
            }
            CaseAccess.Move(db, c, CaseStatus.Resubmitted, userId, now);
            if (request.ReceivedMaterialIds is not null)
                CaseAccess.Tick(c, request.ReceivedMaterialIds);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
