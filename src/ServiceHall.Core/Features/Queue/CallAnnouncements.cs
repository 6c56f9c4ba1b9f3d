using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>An item's call templates (请{number}号到{counter}号窗口取药), Chinese and English.</summary>
public sealed record CallTemplates(string Zh, string En)
{
    public static CallTemplates Of(ServiceItem item) => new(item.AnnouncementZh, item.AnnouncementEn);

    /// <summary>The words of one call, as the display says them and the phone shows them.</summary>
    public (string Zh, string En) Format(string number, int counterNumber) =>
        (CallAnnouncement.Format(Zh, number, counterNumber), CallAnnouncement.Format(En, number, counterNumber));
}

/// <summary>
/// The one reader of the items' call templates (Q4, issue 16): for a call as screens get it, for a called ticket's
/// view and for the display's list of calls. The words themselves are formatted by <see cref="CallAnnouncement"/>.
/// </summary>
public static class CallAnnouncements
{
    /// <summary>The templates of the given items, in one read.</summary>
    public static async Task<Dictionary<Guid, CallTemplates>> ReadAsync(HallDbContext db, IEnumerable<Guid> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await db.ServiceItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => new CallTemplates(i.AnnouncementZh, i.AnnouncementEn), ct);
    }

    /// <summary>
    /// The call as screens get it. The counter was read with its items (<see cref="CounterAccess"/>), so a ticket of an
    /// item it serves needs no read after the commit; one sent to it from another item is read. Not cancelled with the
    /// request: a committed call is always announced.
    /// </summary>
    public static async Task<TicketCall> ForCallAsync(HallDbContext db, Ticket ticket, Counter counter, bool isRecall)
    {
        var templates = counter.ServiceItems.FirstOrDefault(x => x.ServiceItemId == ticket.ServiceItemId)?.ServiceItem is { } item
            ? CallTemplates.Of(item)
            : (await ReadAsync(db, [ticket.ServiceItemId], CancellationToken.None))[ticket.ServiceItemId];
        var (zh, en) = templates.Format(ticket.Number, counter.Number);
        return new(ticket.HallId, ticket.Id, ticket.Number, ticket.ServiceItemId, counter.Id, counter.Number, counter.Name,
            ticket.CalledAt ?? default, isRecall, zh, en);
    }

    /// <summary>A called or served ticket's view carries its call in the item's words, as the display said it.</summary>
    public static async Task<TicketView> ForViewAsync(HallDbContext db, Ticket ticket, TicketView view, CancellationToken ct)
    {
        if (view.CounterNumber is not { } counter || ticket.Status is not (TicketStatus.Called or TicketStatus.Serving))
            return view;
        var (zh, en) = (await ReadAsync(db, [ticket.ServiceItemId], ct))[ticket.ServiceItemId].Format(ticket.Number, counter);
        return view with { Announcement = zh, AnnouncementEn = en };
    }
}
