namespace ServiceHall.Core.Features.Appointments;

/// <summary>A hall's appointment rules as the pure rules read them (<see cref="HallAppointmentSettings"/>, or the defaults).</summary>
public sealed record AppointmentRules(
    int HeldPercent,
    TimeOnly HeldReleaseAt,
    int ElderlyAge,
    int CancelBeforeMinutes,
    int CheckInEarlyMinutes,
    int CheckInLateMinutes,
    int NoShowLimit,
    int NoShowWindowDays,
    int BlockDays,
    bool Custom = false)
{
    /// <summary>
    /// A fifth of each slot held until noon of its day; 60 and over count as elderly (老年人); cancel until an hour
    /// before; check in from 30 minutes before to 15 after the start; three no-shows in 180 days block 90 days.
    /// </summary>
    public static readonly AppointmentRules Default = new(20, new TimeOnly(12, 0), 60, 60, 30, 15, 3, 180, 90);

    public static AppointmentRules From(HallAppointmentSettings? s) => s is null
        ? Default
        : new(s.HeldPercent, s.HeldReleaseAt, s.ElderlyAge, s.CancelBeforeMinutes, s.CheckInEarlyMinutes, s.CheckInLateMinutes,
            s.NoShowLimit, s.NoShowWindowDays, s.BlockDays, true);

    /// <summary>The places of a slot held back from online booking (保留线下号源), rounded down: a slot of one holds none.</summary>
    public static int HeldOf(int capacity, int heldPercent) => capacity * Math.Clamp(heldPercent, 0, 100) / 100;

    /// <summary>Whether the held places of a slot on <paramref name="day"/> are open to everyone at this local instant.</summary>
    public bool IsReleased(DateOnly day, DateTime nowLocal) => nowLocal >= day.ToDateTime(HeldReleaseAt);

    /// <summary>Whether this booking may take a held place: on site, by an elderly person, or once released.</summary>
    public bool MayTakeHeld(BookingChannel channel, int? age, DateOnly day, DateTime nowLocal) =>
        channel == BookingChannel.OnSite || age >= ElderlyAge || IsReleased(day, nowLocal);

    /// <summary>Places still bookable by someone who may, or may not, take the held ones.</summary>
    public static int Available(int capacity, int held, int booked, bool mayTakeHeld) =>
        Math.Max(0, (mayTakeHeld ? capacity : capacity - held) - booked);

    /// <summary>A booking is cancelled until <see cref="CancelBeforeMinutes"/> before its slot, not later.</summary>
    public bool MayCancel(DateTime now, DateTime slotStart) => now <= slotStart.AddMinutes(-CancelBeforeMinutes);

    public CheckInTiming CheckInAt(DateTime now, DateTime slotStart) =>
        now < slotStart.AddMinutes(-CheckInEarlyMinutes) ? CheckInTiming.TooEarly
        : now > CheckInClosesAt(slotStart) ? CheckInTiming.TooLate
        : CheckInTiming.InTime;

    public DateTime CheckInOpensAt(DateTime slotStart) => slotStart.AddMinutes(-CheckInEarlyMinutes);

    /// <summary>After this a booking not checked in is a no-show.</summary>
    public DateTime CheckInClosesAt(DateTime slotStart) => slotStart.AddMinutes(CheckInLateMinutes);

    /// <summary>
    /// 爽约: with at least <see cref="NoShowLimit"/> no-shows within the <see cref="NoShowWindowDays"/> days before
    /// <paramref name="now"/>, online booking is blocked until <see cref="BlockDays"/> after the last of them; null when not blocked.
    /// A limit of 0 switches the rule off.
    /// </summary>
    public DateTime? BlockedUntil(IEnumerable<DateTime> noShows, DateTime now)
    {
        if (NoShowLimit <= 0)
            return null;
        var recent = noShows.Where(n => n <= now && n > now.AddDays(-NoShowWindowDays)).Order().ToList();
        if (recent.Count < NoShowLimit)
            return null;
        var until = recent[^1].AddDays(BlockDays);
        return until > now ? until : null;
    }
}

public enum CheckInTiming
{
    TooEarly,
    InTime,
    TooLate,
}

/// <summary>A person's age on a date by the birth date in a resident ID number (GB 11643); null when it has none.</summary>
public static class IdNumberAge
{
    public static int? On(string? idNumber, DateOnly day)
    {
        if (idNumber is null || !Privacy.PersonalNumberDetector.IsIdNumber(idNumber))
            return null;
        var (year, at) = idNumber.Length == 18 ? (int.Parse(idNumber.AsSpan(6, 4)), 10) : (1900 + int.Parse(idNumber.AsSpan(6, 2)), 8);
        var born = new DateOnly(year, int.Parse(idNumber.AsSpan(at, 2)), int.Parse(idNumber.AsSpan(at + 2, 2)));
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}
