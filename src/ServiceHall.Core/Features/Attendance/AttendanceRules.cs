namespace ServiceHall.Core.Features.Attendance;

public enum AttendanceStatus
{
    /// <summary>Not a working day of the hall.</summary>
    DayOff,
    OnLeave,
    /// <summary>The day has not reached the time by which the person should be in.</summary>
    Pending,
    Present,
    Late,
    LeftEarly,
    LateAndLeftEarly,
    Absent,
    /// <summary>The person's account did not exist yet when they were due in: nothing was expected of them.</summary>
    NotExpected,
    /// <summary>The person, who works in several halls, spent the day in another of them (ADR-032).</summary>
    OtherHall,
}

public sealed record AttendanceDay(AttendanceStatus Status, int LateMinutes, int EarlyLeaveMinutes, bool MissingSignOut);

/// <summary>
/// One person's day against the hall's hours (S3), pure: due in <c>earlyMinutes</c> before opening
/// ("提前10分钟到岗"), not before closing out. Times are the hall's local times. Only working days of the
/// hall's calendar (make-up workdays included) expect anyone, and only once the person's account exists
/// (<paramref name="accountCreated"/>, local): an account made after the day's due time starts the next working day.
/// </summary>
public static class AttendanceRules
{
    public static AttendanceDay Evaluate(bool workingDay, bool onLeave, TimeOnly opens, TimeOnly closes, int earlyMinutes,
        DateTime? signedIn, DateTime? signedOut, DateTime now, DateOnly day, DateTime? accountCreated = null)
    {
        if (!workingDay)
            return new AttendanceDay(AttendanceStatus.DayOff, 0, 0, false);
        if (IsRoundTheClock(opens, closes))
            return Presence(onLeave, signedIn, signedOut, now, day, accountCreated);
        var due = day.ToDateTime(opens).AddMinutes(-earlyMinutes);
        if (accountCreated is { } created && created > due)
            return new AttendanceDay(AttendanceStatus.NotExpected, 0, 0, false);
        if (onLeave)
            return new AttendanceDay(AttendanceStatus.OnLeave, 0, 0, false);
        var closing = day.ToDateTime(closes);
        if (signedIn is not { } inAt)
            return new AttendanceDay(now <= due ? AttendanceStatus.Pending : AttendanceStatus.Absent, 0, 0, false);
        var late = LateMinutes(day, opens, closes, earlyMinutes, inAt);
        var dayOver = now >= closing;
        var early = signedOut is { } outAt && outAt < closing ? (int)Math.Ceiling((closing - outAt).TotalMinutes) : 0;
        var missingOut = signedOut is null && dayOver;
        var status = (late > 0, early > 0) switch
        {
            (true, true) => AttendanceStatus.LateAndLeftEarly,
            (true, false) => AttendanceStatus.Late,
            (false, true) => AttendanceStatus.LeftEarly,
            _ => AttendanceStatus.Present,
        };
        return new AttendanceDay(status, late, early, missingOut);
    }

    /// <summary>
    /// A day of a person who works in several halls counts in one hall only (ADR-032): the hall where they signed in that
    /// day; with no sign-in anywhere, their home hall (the first they were given), so one missed day is one absence.
    /// </summary>
    public static bool CountsIn(Guid hallId, Guid? signedInHall, Guid? homeHall) =>
        signedInHall is { } signedIn ? signedIn == hallId : homeHall is null || homeHall == hallId;

    public static readonly AttendanceDay InOtherHall = new(AttendanceStatus.OtherHall, 0, 0, false);

    /// <summary>
    /// A hall open around the clock (a hospital with its 24-hour emergency window, ADR-033) works in shifts. Without a
    /// roster nobody is due at midnight nor out at 23:59: such a day is judged on presence only (signed in or absent by
    /// the day's end), and lateness and leaving early are not counted rather than counted against everyone.
    /// </summary>
    public static bool IsRoundTheClock(TimeOnly opens, TimeOnly closes) => opens == TimeOnly.MinValue && closes >= new TimeOnly(23, 59);

    private static AttendanceDay Presence(bool onLeave, DateTime? signedIn, DateTime? signedOut, DateTime now, DateOnly day, DateTime? accountCreated)
    {
        var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        if (accountCreated is { } created && created >= end)
            return new AttendanceDay(AttendanceStatus.NotExpected, 0, 0, false);
        if (onLeave)
            return new AttendanceDay(AttendanceStatus.OnLeave, 0, 0, false);
        if (signedIn is null)
            return new AttendanceDay(now < end ? AttendanceStatus.Pending : AttendanceStatus.Absent, 0, 0, false);
        return new AttendanceDay(AttendanceStatus.Present, 0, 0, signedOut is null && now >= end);
    }

    /// <summary>
    /// Minutes after the time the person is due in (opening less the early-arrival minutes), 0 when in time, and 0 in a
    /// hall open around the clock (<see cref="IsRoundTheClock"/>).
    /// </summary>
    public static int LateMinutes(DateOnly day, TimeOnly opens, TimeOnly closes, int earlyMinutes, DateTime signedIn)
    {
        if (IsRoundTheClock(opens, closes))
            return 0;
        var due = day.ToDateTime(opens).AddMinutes(-earlyMinutes);
        return signedIn > due ? (int)Math.Ceiling((signedIn - due).TotalMinutes) : 0;
    }
}
