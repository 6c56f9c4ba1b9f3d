namespace ServiceHall.Core.Features.Halls;

/// <summary>Why an item cannot be issued now; the kiosk shows it before a tap, issuing answers with its code.</summary>
public enum UnavailableReason
{
    HallClosedToday,
    NotYetOpen,
    AfterCutoff,
    LunchBreak,
    NotServedNow,
    QuotaReached,
    NoCounterOpen,
}

/// <summary>The facts one item's availability is decided from, at one instant of the hall's day.</summary>
public sealed record ItemFacts(TimeOnly? ServedFrom, TimeOnly? ServedUntil, int? DailyQuota, int IssuedToday, int OpenCounters);

/// <summary>
/// Q7 and 限号 as one pure rule: can this item be issued now, and if not, why. The first reason that
/// holds is the answer, from the whole hall (closed today) down to the item (its quota, its counters).
/// </summary>
public static class ItemAvailability
{
    public static UnavailableReason? Check(DaySchedule day, TimeOnly now, ItemFacts item)
    {
        if (!day.Open)
            return UnavailableReason.HallClosedToday;
        if (now < day.OpensAt)
            return UnavailableReason.NotYetOpen;
        if (now >= day.IssueCutoff)
            return UnavailableReason.AfterCutoff;
        if (!day.IssueDuringLunch && day.InLunchBreak(now))
            return UnavailableReason.LunchBreak;
        if ((item.ServedFrom is { } from && now < from) || (item.ServedUntil is { } until && now >= until))
            return UnavailableReason.NotServedNow;
        if (item.DailyQuota is { } quota && item.IssuedToday >= quota)
            return UnavailableReason.QuotaReached;
        // Counters are looked for only in attended hours: in the lunch break tickets wait for the afternoon.
        if (item.OpenCounters == 0 && day.InService(now))
            return UnavailableReason.NoCounterOpen;
        return null;
    }

    /// <summary>
    /// The refusal issuing gives for a reason. A missing open counter refuses nobody: a ticket taken in
    /// opening hours is served (Q7) by the counter that opens next; the kiosk only shows it.
    /// </summary>
    public static DomainException? Refusal(UnavailableReason? reason, DaySchedule day, ItemFacts item) => reason switch
    {
        UnavailableReason.HallClosedToday => DomainException.Conflict(ErrorCodes.HallClosedToday),
        UnavailableReason.NotYetOpen => DomainException.Conflict(ErrorCodes.IssuingNotYetOpen, day.OpensAt.ToString("HH:mm")),
        UnavailableReason.AfterCutoff => DomainException.Conflict(ErrorCodes.IssuingClosed, day.IssueCutoff.ToString("HH:mm")),
        UnavailableReason.LunchBreak => DomainException.Conflict(ErrorCodes.LunchBreak, day.LunchEndsAt!.Value.ToString("HH:mm")),
        UnavailableReason.NotServedNow => DomainException.Conflict(ErrorCodes.ItemNotServedNow,
            (item.ServedFrom ?? day.OpensAt).ToString("HH:mm"), (item.ServedUntil ?? day.IssueCutoff).ToString("HH:mm")),
        UnavailableReason.QuotaReached => DomainException.Conflict(ErrorCodes.QuotaReached, item.DailyQuota ?? 0),
        _ => null,
    };
}
