using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Web.Realtime;

/// <summary>What screens of a hall receive. Messages are pushed after commits, never from the hub.</summary>
public interface IHallClient
{
    Task TicketIssued(TicketView ticket);
    Task TicketCalled(TicketCalledMessage call);
    Task QueueChanged(QueueOverview overview);
    /// <summary>To the phone of that ticket only: re-read it (its status, counter or the ticket it was transferred to).</summary>
    Task TicketChanged(TicketChangedMessage change);
    Task AlertRaised(AlertView alert);
    Task AlertCleared(AlertView alert);
}

/// <summary>A call with the words the display speaks and shows, from the item's templates: 请A001号到3号窗口取药.</summary>
public sealed record TicketCalledMessage(
    Guid TicketId, string Number, Guid ServiceItemId, Guid CounterId, int CounterNumber, string CounterName,
    DateTime CalledAt, bool IsRecall, string Announcement, string AnnouncementEn);

/// <summary>A ticket's state changed; only its id travels, the phone reads the rest.</summary>
public sealed record TicketChangedMessage(Guid TicketId);

/// <summary>
/// Who receives what (P6, ADR-019). Screens of the hall (displays, kiosks, pads, integrations) follow
/// <see cref="Hall"/>: every event. A phone follows only what it shows: its own ticket's call and changes
/// (<see cref="Ticket"/>) and its ticket's item's queue (<see cref="Item"/>, one coalesced overview of that
/// item), not every call, issue and change of a hall with thousands of phones.
/// </summary>
public static class HallGroups
{
    public static string Hall(Guid hallId) => $"hall:{hallId:N}";

    public static string Ticket(Guid hallId, Guid ticketId) => $"hall:{hallId:N}:ticket:{ticketId:N}";

    public static string Item(Guid hallId, Guid serviceItemId) => $"hall:{hallId:N}:item:{serviceItemId:N}";
}

/// <summary>
/// <c>/hubs/hall?hallId=…</c>: anonymous, as displays and phones follow the hall without signing in;
/// a phone adds <c>&amp;ticketId=…</c> and follows only its ticket's part of the hall (<see cref="HallGroups"/>).
/// Only public queue data travels here; no personal data.
/// </summary>
public sealed class HallHub(HallDbContext db) : Hub<IHallClient>
{
    public override async Task OnConnectedAsync()
    {
        var query = Context.GetHttpContext()?.Request.Query;
        if (!Guid.TryParse(query?["hallId"].ToString(), out var hallId))
            throw new HubException("hallId is required: /hubs/hall?hallId=…");
        if (query?["ticketId"].ToString() is { Length: > 0 } rawTicket)
        {
            var ticketId = Guid.TryParse(rawTicket, out var id) ? id : throw new HubException("ticketId is not a ticket id.");
            var itemId = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId && t.HallId == hallId)
                .Select(t => (Guid?)t.ServiceItemId).SingleOrDefaultAsync(Context.ConnectionAborted)
                ?? throw new HubException("No such ticket in this hall.");
            await Groups.AddToGroupAsync(Context.ConnectionId, HallGroups.Ticket(hallId, ticketId));
            await Groups.AddToGroupAsync(Context.ConnectionId, HallGroups.Item(hallId, itemId));
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HallGroups.Hall(hallId));
        }
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Answers once this connection follows its hall. A client's start ends with the handshake, before
    /// <see cref="OnConnectedAsync"/> has joined the hall's group (with Redis, subscribed to it), and a
    /// connection's invocations are run only after that: a screen awaits this before it re-reads the
    /// queue, so that no event falls between its read and its subscription.
    /// </summary>
    public Task Ready() => Task.CompletedTask;
}
