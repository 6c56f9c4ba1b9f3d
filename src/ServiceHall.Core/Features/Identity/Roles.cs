namespace ServiceHall.Core.Features.Identity;

/// <summary>The roles of P2: three for people, one for systems (an appointment platform's account), three for devices; least privilege.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Staff = "staff";
    public const string Kiosk = "kiosk";
    public const string Display = "display";
    public const string RatingPad = "ratingpad";
    /// <summary>A system of a hall's (an appointment platform): books and cancels through the API, not rate-limited, sees no page.</summary>
    public const string Integrator = "integrator";

    public static readonly string[] All = [Admin, Supervisor, Staff, Kiosk, Display, RatingPad, Integrator];
    public static readonly string[] Devices = [Kiosk, Display, RatingPad];
}
