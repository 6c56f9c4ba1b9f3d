using Microsoft.AspNetCore.SignalR;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Web.Realtime;

/// <summary>What screens of a hall receive. Messages are pushed after commits, never from the hub.</summary>
public interface IHallClient
{
    Task TicketIssued(TicketView ticket);
    Task TicketCalled(TicketCalledMessage call);
    Task QueueChanged(QueueOverview overview);
    Task AlertRaised(AlertView alert);
    Task AlertCleared(AlertView alert);
}

/// <summary>A call with the words the display speaks: 请A001号到3号窗口办理.</summary>
public sealed record TicketCalledMessage(
    Guid TicketId, string Number, Guid ServiceItemId, Guid CounterId, int CounterNumber, string CounterName,
    DateTime CalledAt, bool IsRecall, string Announcement, string AnnouncementEn);

public static class HallGroups
{
    public static string Hall(Guid hallId) => $"hall:{hallId:N}";
}

/// <summary>
/// <c>/hubs/hall?hallId=…</c>: anonymous, as displays and phones follow the hall without signing in.
/// Only public queue data travels here; no personal data.
/// </summary>
public sealed class HallHub : Hub<IHallClient>
{
    public override async Task OnConnectedAsync()
    {
        var raw = Context.GetHttpContext()?.Request.Query["hallId"].ToString();
        if (!Guid.TryParse(raw, out var hallId))
            throw new HubException("hallId is required: /hubs/hall?hallId=…");
        await Groups.AddToGroupAsync(Context.ConnectionId, HallGroups.Hall(hallId));
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
