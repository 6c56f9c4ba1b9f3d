namespace ServiceHall.Core.Features.Appointments;

/// <summary>A counter worked now: an open counter session, by whom and since when.</summary>
public readonly record struct CounterAtWork(Guid CounterId, Guid UserId, DateTime OpenedAt);

/// <summary>
/// Which counter alone calls an appointment's ticket (Q8, issue 16: per-counter and per-doctor slots). Pure.
/// </summary>
public static class AppointmentCounter
{
    /// <summary>
    /// A slot of a counter: that counter. A slot with a staff member (a doctor): the counter they are signed in at when the
    /// citizen checks in (the latest they opened, should there be two). Otherwise, or when they are not signed in: none —
    /// the ticket waits in the item's appointment lane for any counter serving the item, and is not moved when they sign
    /// in later.
    /// </summary>
    public static Guid? For(Guid? slotCounterId, Guid? slotStaffUserId, IEnumerable<CounterAtWork> openSessions) =>
        slotCounterId ?? (slotStaffUserId is { } staff
            ? openSessions.Where(s => s.UserId == staff).OrderByDescending(s => s.OpenedAt).Select(s => (Guid?)s.CounterId).FirstOrDefault()
            : null);
}
