using System.Text.Json.Serialization;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Halls;

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
    string? CurrentTicketNumber = null,
    PauseCategory? PauseCategory = null,
    Guid? DepartmentId = null,
    bool IsServing = false,
    TimeOnly? ServedFrom = null,
    TimeOnly? ServedUntil = null)
{
    /// <param name="currentTicketNumber">The ticket called or being served there, as the display shows it.</param>
    /// <param name="isServing">Whether that ticket's service has started (办理中) rather than being called (请…到).</param>
    public static CounterStatusView From(Counter counter, CounterSession? session, User? staff, string? currentTicketNumber = null,
        bool isServing = false) =>
        new(counter.Id, counter.HallId, counter.Number, LocalNames.Of(counter.Name, counter.NameEn), counter.InService,
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
            currentTicketNumber,
            session?.IsOpen == true && session.IsPaused ? session.PauseCategory ?? Counters.PauseCategory.Other : null,
            counter.DepartmentId,
            currentTicketNumber is not null && isServing,
            counter.ServedFrom,
            counter.ServedUntil);
}

/// <summary>
/// A counter as the public sees it on the display (Q4): its state, the public pause category and the number
/// called there; the staff member's name and badge number only where the hall shows them (胸牌公示,
/// <see cref="Halls.Hall.ShowStaffBadge"/>); never the free-text pause reason.
/// </summary>
public sealed record PublicCounterView(
    Guid Id,
    Guid HallId,
    int Number,
    string Name,
    Guid? DepartmentId,
    bool InService,
    CounterState State,
    PauseCategory? PauseCategory,
    Guid[] ServiceItemIds,
    string? CurrentTicketNumber,
    bool IsServing,
    // Absent, not null, where the hall does not show them: the public document names nobody.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StaffName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BadgeNumber = null,
    // The counter's own hours (ADR-033): a closed counter says when it serves.
    TimeOnly? ServedFrom = null,
    TimeOnly? ServedUntil = null)
{
    public static PublicCounterView From(CounterStatusView c, bool showStaffBadge) =>
        new(c.Id, c.HallId, c.Number, c.Name, c.DepartmentId, c.InService, c.State, c.PauseCategory, c.ServiceItemIds,
            c.CurrentTicketNumber, c.IsServing, showStaffBadge ? c.StaffName : null, showStaffBadge ? c.BadgeNumber : null,
            c.ServedFrom, c.ServedUntil);
}
