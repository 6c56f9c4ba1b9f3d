using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Q9: the citizen's own view of a ticket, anonymous: number, place, estimate, counter.</summary>
public sealed class GetTicket(HallDbContext db)
{
    public async Task<TicketView> HandleAsync(Guid ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        return await QueueEstimates.ViewAsync(db, ticket, ct);
    }
}
