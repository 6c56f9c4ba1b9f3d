using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>Adds <see cref="HallClaims"/> to the cookie and token issued at sign-in.</summary>
public sealed class HallClaimsPrincipalFactory(
    UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HallClaims.DisplayName, user.DisplayName));
        if (!string.IsNullOrEmpty(user.BadgeNumber))
            identity.AddClaim(new Claim(HallClaims.BadgeNumber, user.BadgeNumber));
        if (user.HallId is { } hallId)
            identity.AddClaim(new Claim(HallClaims.HallId, hallId.ToString()));
        return identity;
    }
}
