using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ServiceHall.Web.Identity;

/// <summary>
/// A Blazor circuit outlives the request that opened it; it checks its account as every request does
/// (<see cref="AccountSessions"/>: the account exists, is not locked, its security stamp unchanged by a
/// logout, password reset, role or hall change or lock), as often as the same interval, so a counter page
/// does not keep acting for a stopped account.
/// </summary>
public sealed class RevalidatingHallAuthenticationStateProvider(ILoggerFactory loggerFactory, AccountSessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsCurrentAsync(authenticationState.User, cancellationToken);
}
