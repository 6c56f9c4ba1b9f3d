using System.Globalization;

namespace ServiceHall.Core.Features.Devices;

/// <summary>What an enrolled device is for (P2): each does one job.</summary>
public enum DeviceKind
{
    Kiosk,
    Display,
    RatingPad,
}

/// <summary>
/// A kiosk, display or rating pad of a hall, enrolled once by an administrator (P2). It acts through a
/// device account of its own (<see cref="UserId"/>, no password) that the enrolment signs in with a
/// lasting cookie; revoking the device stops that account at its next request.
/// </summary>
public class Device
{
    public const int MaxNameLength = 60;
    public const int MaxZoneCounters = 200;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public DeviceKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>A rating pad's counter: it rates that counter's services only.</summary>
    public Guid? CounterId { get; set; }
    /// <summary>A display limited to one department's counters.</summary>
    public Guid? ZoneDepartmentId { get; set; }
    /// <summary>A display limited to a list of counter numbers, e.g. "1,2,3".</summary>
    public string? ZoneCounters { get; set; }
    /// <summary>The device's own account, in the role of its kind and bound to its hall.</summary>
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EnrolledAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>SHA-256 of the pending one-time enrolment code; null once used, replaced or revoked.</summary>
    public string? EnrolmentCodeHash { get; set; }
    public DateTime? EnrolmentCodeExpiresAt { get; set; }

    /// <summary>The page the device shows: its hall's kiosk, its hall's (or zone's) display, its counter's pad.</summary>
    public string HomePath() => HomePath(Kind, HallId, CounterId, ZoneDepartmentId, ZoneCounters);

    public static string HomePath(DeviceKind kind, Guid hallId, Guid? counterId, Guid? zoneDepartmentId, string? zoneCounters) =>
        kind switch
        {
            DeviceKind.Kiosk => $"/kiosk/{hallId}",
            DeviceKind.RatingPad => $"/pad/{counterId}",
            _ when zoneDepartmentId is { } department => $"/display/{hallId}?department={department}",
            _ when !string.IsNullOrEmpty(zoneCounters) => $"/display/{hallId}?counters={zoneCounters}",
            _ => $"/display/{hallId}",
        };

    /// <summary>"1, 3,2" → "1,2,3"; null when empty; throws on anything but positive counter numbers.</summary>
    public static string? NormalizeZoneCounters(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var numbers = new SortedSet<int>();
        foreach (var part in raw.Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                throw DomainException.Invalid("zoneCounters", DeviceErrorCodes.ZoneInvalid);
            numbers.Add(n);
        }
        if (numbers.Count > MaxZoneCounters)
            throw DomainException.Invalid("zoneCounters", DeviceErrorCodes.ZoneInvalid);
        return string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }
}
