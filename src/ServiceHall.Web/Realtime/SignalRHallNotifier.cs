using Microsoft.AspNetCore.SignalR;
using ServiceHall.Core;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Web.Realtime;

public sealed class SignalRHallNotifier(IHubContext<HallHub, IHallClient> hub, DirtyHalls dirty, HallEventFeed feed) : IHallNotifier
{
    public Task TicketIssuedAsync(TicketView ticket)
    {
        feed.Publish(new HallEvent(ticket.HallId, HallEventKind.TicketIssued, ticket));
        return hub.Clients.Group(HallGroups.Hall(ticket.HallId)).TicketIssued(ticket);
    }

    public Task TicketCalledAsync(TicketCall call)
    {
        var message = new TicketCalledMessage(call.TicketId, call.Number, call.ServiceItemId, call.CounterId,
            call.CounterNumber, call.CounterName, call.CalledAt, call.IsRecall, call.Announcement, call.AnnouncementEn);
        feed.Publish(new HallEvent(call.HallId, HallEventKind.TicketCalled, message));
        return hub.Clients.Groups(HallGroups.Hall(call.HallId), HallGroups.Ticket(call.HallId, call.TicketId)).TicketCalled(message);
    }

    public void QueueChanged(Guid hallId) => dirty.Mark(hallId);

    public Task TicketChangedAsync(Guid hallId, Guid ticketId) =>
        hub.Clients.Group(HallGroups.Ticket(hallId, ticketId)).TicketChanged(new TicketChangedMessage(ticketId));

    public Task AlertRaisedAsync(AlertView alert)
    {
        feed.Publish(new HallEvent(alert.HallId, HallEventKind.AlertRaised, alert));
        return hub.Clients.Group(HallGroups.Hall(alert.HallId)).AlertRaised(alert);
    }

    public void AlertAcknowledged(AlertView alert) => feed.Publish(new HallEvent(alert.HallId, HallEventKind.AlertAcknowledged, alert));

    public Task AlertClearedAsync(AlertView alert)
    {
        feed.Publish(new HallEvent(alert.HallId, HallEventKind.AlertCleared, alert));
        return hub.Clients.Group(HallGroups.Hall(alert.HallId)).AlertCleared(alert);
    }
}
