using System.Security.Claims;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>
/// What the pages show about the signed-in person without a database read: display name, badge number
/// (工号) and hall, added to the principal at sign-in by <see cref="HallClaimsPrincipalFactory"/>.
/// </summary>
public static class HallClaims
{
    public const string DisplayName = "servicehall:display_name";
    public const string BadgeNumber = "servicehall:badge";
    public const string HallId = "servicehall:hall";

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static string? BadgeNumberOf(this ClaimsPrincipal user) => user.FindFirstValue(BadgeNumber);

    public static Guid? HallIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HallId), out var id) ? id : null;

    /// <summary>The role the layout names; a person has one in practice, the most privileged wins.</summary>
    public static string? MainRoleOf(this ClaimsPrincipal user) =>
        Roles.All.FirstOrDefault(user.IsInRole);
}
