using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Counters;

public enum CounterState
{
    Closed,
    Open,
    Paused,
}

/// <summary>A counter as the hall sees it: who is in it and in what state.</summary>
public sealed record CounterStatusView(
    Guid Id,
    Guid HallId,
    int Number,
    string Name,
    bool InService,
    CounterState State,
    Guid? SessionId,
    string? StaffName,
    string? BadgeNumber,
    DateTime? OpenedAt,
    DateTime? PausedAt,
    string? PauseReason,
    Guid? SubstituteUserId,
    Guid[] ServiceItemIds,
    string? CurrentTicketNumber = null)
{
    /// <param name="currentTicketNumber">The ticket called or being served there, as the display shows it.</param>
    public static CounterStatusView From(Counter counter, CounterSession? session, User? staff, string? currentTicketNumber = null) =>
        new(counter.Id, counter.HallId, counter.Number, counter.Name, counter.InService,
            session is null || !session.IsOpen ? CounterState.Closed
                : session.IsPaused ? CounterState.Paused : CounterState.Open,
            session?.IsOpen == true ? session.Id : null,
            session?.IsOpen == true ? staff?.DisplayName : null,
            session?.IsOpen == true ? staff?.BadgeNumber : null,
            session?.IsOpen == true ? session.OpenedAt : null,
            session?.IsOpen == true ? session.PausedAt : null,
            session?.IsOpen == true ? session.PauseReason : null,
            session?.IsOpen == true ? session.SubstituteUserId : null,
            counter.ServiceItems.Select(x => x.ServiceItemId).ToArray(),
            currentTicketNumber);
}
