using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>The claim of a ticket of the hall, for the counter that serves it: null when the ticket claims no category.</summary>
public sealed class GetPriorityClaim(HallDbContext db)
{
    public async Task<PriorityClaimView?> HandleAsync(Guid hallId, Guid ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId && t.HallId == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        if (ticket.PriorityCategoryId is not { } categoryId)
            return null;
        var category = await db.Set<PriorityCategory>().AsNoTracking().FirstAsync(c => c.Id == categoryId, ct);
        var check = await db.Set<PriorityClaimCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.TicketId == ticketId, ct);
        return CheckPriorityClaim.View(ticket, category, check);
    }
}
