using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Visits;

/// <summary>
/// A pharmacy's "ready to collect" mode (per item): the counter marks a prescription ready and the display lists it;
/// call-next then takes only ready tickets of that item, in the hall's usual order (ADR-029). A ticket not yet ready
/// is still waiting — it keeps its place, its count and the day-end rules — but no counter calls it: calling a
/// patient whose medicine is not prepared only makes them stand at the window. Pure.
/// </summary>
public static class ReadyToCollect
{
    /// <summary>Whether call-next may take a waiting ticket (the SQL of <c>CounterCandidates</c> says the same).</summary>
    public static bool IsCallable(bool itemReadyMode, DateTime? readyAt) => !itemReadyMode || readyAt is not null;

    /// <summary>Why a ticket cannot be marked ready, or null: only a waiting ticket of an item in ready mode, once.</summary>
    public static string? CannotMark(bool itemReadyMode, TicketStatus status, DateTime? readyAt) =>
        !itemReadyMode ? ErrorCodes.ItemNotReadyToCollect
        : status != TicketStatus.Waiting ? ErrorCodes.TicketStateConflict
        : readyAt is not null ? ErrorCodes.TicketAlreadyReady
        : null;
}
