namespace ServiceHall.Core.Features.Devices;

/// <summary>Refusal codes of devices and public limits; each has an <c>Error_</c> message in SharedResource.</summary>
public static class DeviceErrorCodes
{
    public const string NotFound = "DeviceNotFound";
    public const string ZoneInvalid = "DeviceZoneInvalid";
    public const string ZoneOnlyForDisplay = "DeviceZoneOnlyForDisplay";
    public const string CounterRequired = "DeviceCounterRequired";
    public const string EnrolmentCodeInvalid = "EnrolmentCodeInvalid";
    public const string Revoked = "DeviceRevoked";
    public const string AlreadyRevoked = "DeviceAlreadyRevoked";
    /// <summary>A device asked for what is not its job (a display issuing, a kiosk rating, a device claiming an appointment).</summary>
    public const string NotItsJob = "DeviceNotItsJob";
    /// <summary>A rating pad asked about another counter's service.</summary>
    public const string OtherCounter = "DeviceOtherCounter";
    public const string RateLimitedPhone = "RateLimitedPhone";
    public const string RateLimitedAddress = "RateLimitedAddress";
}
