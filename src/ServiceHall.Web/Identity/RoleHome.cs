using System.Security.Claims;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>Where each role lands after sign-in: the page it works on.</summary>
public static class RoleHome
{
    public const string Counter = "/counter";
    public const string Dashboard = "/dashboard";
    public const string Admin = "/admin";
    /// <summary>Sends an enrolled device to its own page: its hall's kiosk or display (with its zone), its counter's pad.</summary>
    public const string Device = "/device";

    /// <summary>The page for <paramref name="roles"/>; null for an account without one.</summary>
    public static string? For(IReadOnlyCollection<string> roles, Guid? hallId)
    {
        if (roles.Contains(Roles.Admin))
            return Admin;
        if (roles.Contains(Roles.Supervisor))
            return Dashboard;
        if (roles.Contains(Roles.Staff))
            return Counter;
        if (hallId is not null && roles.Any(Roles.Devices.Contains))
            return Device;
        return null;
    }

    public static string? For(ClaimsPrincipal user) =>
        For(Roles.All.Where(user.IsInRole).ToArray(), user.HallIdOf());

    /// <summary>
    /// Only a path on this site is followed after sign-in or a language switch; anything else
    /// (another host, a scheme-relative <c>//host</c>, a backslash trick) could send a person elsewhere.
    /// </summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains('\r') && !url.Contains('\n');
}
