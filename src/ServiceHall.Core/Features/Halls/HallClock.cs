namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// The hall's local time: business day and hours. Pure: the instant comes from the caller's
/// <see cref="TimeProvider"/>, the zone from the hall.
/// </summary>
public sealed class HallClock
{
    private readonly TimeZoneInfo _zone;

    public HallClock(string timeZoneId)
    {
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);

    public DateOnly BusinessDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public TimeOnly LocalTime(DateTime utc) => TimeOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant of a local time on a business day.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), _zone);

    public IssueWindow IssueWindowAt(Hall hall, DateTime utc)
    {
        var time = LocalTime(utc);
        if (time < hall.OpensAt)
            return IssueWindow.NotYetOpen;
        return time < hall.IssueCutoff ? IssueWindow.Open : IssueWindow.Closed;
    }

    public bool IsWithinServiceHours(Hall hall, DateTime utc)
    {
        var time = LocalTime(utc);
        return time >= hall.OpensAt && time < hall.ClosesAt;
    }
}

public enum IssueWindow
{
    NotYetOpen,
    Open,
    Closed,
}
