using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>
/// A Blazor circuit outlives the request that opened it; every few minutes it checks that the account
/// still exists and its security stamp is unchanged (password reset, role change, lockout by an admin),
/// so a counter page does not keep acting for a disabled account.
/// </summary>
public sealed class RevalidatingHallAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return false;
        if (await users.IsLockedOutAsync(user))
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
