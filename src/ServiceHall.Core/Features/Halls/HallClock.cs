using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// The hall's local time: business day and hours, and every time a person reads (P4: pages, printed
/// documents, exports, messages show the hall's zone, whatever the server's). Pure: the instant comes
/// from the caller's <see cref="TimeProvider"/>, the zone from the hall.
/// </summary>
public sealed class HallClock
{
    /// <summary>The hall's clock, read from the database (the zone is a hall setting an administrator may change).</summary>
    public static async Task<HallClock> ForHallAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        new(await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC");

    public string TimeZoneId => _zone.Id;

    /// <summary>Date and time in the hall's zone, in the current culture's short form (2026/11/23 8:04, 11/23/2026 8:04 AM).</summary>
    public string DateTimeText(DateTime utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Date and time in the hall's zone, or nothing.</summary>
    public string DateTimeText(DateTime? utc) => utc is { } at ? DateTimeText(at) : "";

    /// <summary>Hours and minutes in the hall's zone, 24-hour as halls write them (08:04).</summary>
    public string TimeText(DateTime utc) => ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Hours and minutes in the hall's zone, or nothing.</summary>
    public string TimeText(DateTime? utc) => utc is { } at ? TimeText(at) : "";

    private readonly TimeZoneInfo _zone;

    public HallClock(string timeZoneId)
    {
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateOnly BusinessDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public TimeOnly LocalTime(DateTime utc) => TimeOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant of a local time on a business day.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), _zone);
}
