namespace ServiceHall.Core.Features.Devices;

/// <summary>Configuration section <c>Devices</c>.</summary>
public sealed class DeviceOptions
{
    /// <summary>How long a one-time enrolment code may be used: long enough to walk to the device.</summary>
    public int EnrolmentCodeMinutes { get; set; } = 30;

    /// <summary>A device seen (a request, or a live connection refreshed by its node) within this many seconds is online.</summary>
    public int OnlineSeconds { get; set; } = 90;
}
