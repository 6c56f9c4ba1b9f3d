using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Identity;

public enum SignInOutcome { SignedIn, Refused, Throttled }

/// <param name="Halls">How many halls the person works in (ADR-032): with more than one, the sign-in page offers the chooser.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan RetryAfter = default, User? User = null, IReadOnlyList<string>? Roles = null,
    int Halls = 0);

/// <summary>
/// Signing in with a password, for the API and the sign-in page alike (P2). An attempt that must wait
/// (<see cref="ThrottleSignIn"/>) is answered before any account is looked up; an unknown name, a wrong
/// password and an account an administrator locked all get the same refusal and cost the same hashing,
/// so neither the answer nor its time tells which names exist. Failures never lock an account.
/// </summary>
public sealed class PasswordSignIn(SignInManager<User> signIn, UserManager<User> users, ThrottleSignIn throttle,
    IPasswordHasher<User> hasher, AccountSessions sessions, HallDbContext db, SwitchActiveHall switchHall)
{
    /// <summary>Hashed once per process: what an unknown name's attempt is checked against.</summary>
    private static string? s_decoyHash;

    public async Task<SignInAttempt> HandleAsync(HttpContext http, string userName, string password, string scheme,
        bool persistDevices, CancellationToken ct, Guid? hallId = null)
    {
        var address = PublicLimits.Address(http);
        var wait = await throttle.RetryAfterAsync(address, userName, ct);
        if (wait > TimeSpan.Zero)
            return new SignInAttempt(SignInOutcome.Throttled, wait);

        var user = await users.FindByNameAsync(userName);
        var passwordOk = false;
        if (user is null || user.PasswordHash is null)
            Decoy(password);
        else
        {
            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            // A locked account is refused before its password is hashed; hash anyway, for the same time.
            if (check.IsLockedOut)
                Decoy(password);
            passwordOk = check.Succeeded;
        }
        if (!passwordOk)
        {
            await throttle.FailedAsync(address, userName, ct);
            return new SignInAttempt(SignInOutcome.Refused);
        }

        // A hall asked for becomes the one the person works in (403 NotHallMember when they do not); else the last one.
        if (hallId is { } wanted)
            await switchHall.HandleAsync(user!, wanted, ct);
        var halls = (await HallMembers.OfAsync(db, user!.Id, ct)).Count;
        var roles = (await users.GetRolesAsync(user!)).ToList();
        // A device (display, kiosk) keeps its cookie across browser restarts; people do not, as counter PCs are shared.
        var persistent = persistDevices && roles.Count > 0 && roles.All(Roles.Devices.Contains);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user!, persistent, [new Claim("amr", "pwd")]);
        await throttle.SucceededAsync(userName, ct);
        sessions.Forget(user!.Id);
        return new SignInAttempt(SignInOutcome.SignedIn, User: user, Roles: roles, Halls: halls);
    }

    /// <summary>
    /// Ends every token and cookie of the signed-in account on every node (a bearer token cannot be
    /// taken back one by one): a new security stamp, then this browser's cookie.
    /// </summary>
    public async Task SignOutEverywhereAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
        {
            await using (var write = await db.BeginWriteAsync(http.RequestAborted))
            {
                await users.UpdateSecurityStampAsync(user);
                await write.CommitAsync(http.RequestAborted);
            }
            sessions.Forget(user.Id);
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private void Decoy(string password)
    {
        var decoy = new User { UserName = "decoy" };
        s_decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, s_decoyHash, password);
    }
}
