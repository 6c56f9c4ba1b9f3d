namespace ServiceHall.Core.Features.Tallies;

/// <summary>
/// When a day's tickets are decided, so that its tally is final (pure): no ticket of it still waiting, called or in
/// service, and the day over (the hall's business day is a later one) or closed (Q7's 营业结束). Only a no-show re-queued
/// within its window can change a decided day's tickets afterwards; that drops the day's tally (<see cref="TallyDay.DropAsync"/>).
/// </summary>
public static class DecidedDays
{
    public static bool IsDecided(DateOnly day, DateOnly today, bool closed, int openTickets) =>
        openTickets == 0 && (day < today || (closed && day <= today));
}
