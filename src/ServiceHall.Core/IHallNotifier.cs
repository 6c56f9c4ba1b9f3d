using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core;

/// <summary>
/// What the hall tells the screens after a change is committed (P5). Implemented in the web layer
/// over SignalR; use cases call it only after their transaction commits.
/// </summary>
public interface IHallNotifier
{
    Task TicketIssuedAsync(TicketView ticket);
    Task TicketCalledAsync(TicketCall call);
    /// <summary>The queue of a hall changed; listeners get a fresh overview (coalesced).</summary>
    void QueueChanged(Guid hallId);
    /// <summary>
    /// One ticket's state changed (service started or finished, missed, re-queued, transferred): the phone that
    /// follows it re-reads it now, instead of on every change of its item's queue.
    /// </summary>
    Task TicketChangedAsync(Guid hallId, Guid ticketId);
    Task AlertRaisedAsync(AlertView alert);
    Task AlertClearedAsync(AlertView alert);
    /// <summary>A supervisor took an alert on: the dashboards show who.</summary>
    void AlertAcknowledged(AlertView alert);
}

/// <summary>A call to a counter, as displays and phones need it, with its words in Chinese and English.</summary>
public sealed record TicketCall(
    Guid HallId,
    Guid TicketId,
    string Number,
    Guid ServiceItemId,
    Guid CounterId,
    int CounterNumber,
    string CounterName,
    DateTime CalledAt,
    bool IsRecall,
    string Announcement,
    string AnnouncementEn);
