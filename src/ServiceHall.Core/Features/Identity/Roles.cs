namespace ServiceHall.Core.Features.Identity;

/// <summary>The roles of P2: three for people, three for devices; least privilege.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Staff = "staff";
    public const string Kiosk = "kiosk";
    public const string Display = "display";
    public const string RatingPad = "ratingpad";

    public static readonly string[] All = [Admin, Supervisor, Staff, Kiosk, Display, RatingPad];
    public static readonly string[] Devices = [Kiosk, Display, RatingPad];
}
