using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

internal static class TicketCalls
{
    /// <summary>
    /// The call as screens get it, worded by the item's announcement templates (Q4, issue 16). Read after the
    /// call is committed, and not cancelled with the request: a committed call is always announced.
    /// </summary>
    public static async Task<TicketCall> FromAsync(HallDbContext db, Ticket ticket, Counter counter, bool isRecall)
    {
        var templates = await db.ServiceItems.AsNoTracking().Where(i => i.Id == ticket.ServiceItemId)
            .Select(i => new { i.AnnouncementZh, i.AnnouncementEn }).SingleAsync(CancellationToken.None);
        return new(ticket.HallId, ticket.Id, ticket.Number, ticket.ServiceItemId, counter.Id, counter.Number, counter.Name,
            ticket.CalledAt ?? default, isRecall, CallAnnouncement.Format(templates.AnnouncementZh, ticket.Number, counter.Number),
            CallAnnouncement.Format(templates.AnnouncementEn, ticket.Number, counter.Number));
    }
}
