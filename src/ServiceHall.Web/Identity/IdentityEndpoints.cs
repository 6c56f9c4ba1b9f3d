using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Core;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Identity;

/// <param name="HallId">For a person who works in several halls: the hall to work in (ADR-032); without it, the hall they last worked in.</param>
public sealed record LoginRequest(string? UserName, string? Password, Guid? HallId = null);

public static class IdentityEndpoints
{
    public const string ThrottledCode = "SignInThrottled";

    public static void MapIdentityEndpoints(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).WithName("Login").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization();
        app.MapHallMembershipEndpoints();
    }

    /// <summary>
    /// Signs in with user name and password. The bearer handler writes
    /// <c>{"tokenType":"Bearer","accessToken","expiresIn","refreshToken"}</c>; with
    /// <c>?useCookies=true</c> a browser gets the cookie instead. Any refusal is 401 <c>InvalidCredentials</c>;
    /// a <c>hallId</c> the person does not work in, 403 <c>NotHallMember</c>;
    /// after repeated failures from the address or for the name, 429 <c>SignInThrottled</c> with Retry-After.
    /// </summary>
    private static async Task<EmptyHttpResult> LoginAsync(
        LoginRequest request, bool? useCookies, PasswordSignIn signIn, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
            throw DomainException.Required("userName");
        if (string.IsNullOrEmpty(request.Password))
            throw DomainException.Required("password");
        var scheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var attempt = await signIn.HandleAsync(http, request.UserName.Trim(), request.Password, scheme, persistDevices: false, ct,
            request.HallId);
        switch (attempt.Outcome)
        {
            case SignInOutcome.Throttled:
                var seconds = RetryAfterSeconds(attempt.RetryAfter);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemExceptionHandler.WriteAsync(http, StatusCodes.Status429TooManyRequests, ThrottledCode, seconds);
                break;
            case SignInOutcome.Refused:
                await ProblemExceptionHandler.WriteAsync(http, StatusCodes.Status401Unauthorized, "InvalidCredentials");
                break;
        }
        return TypedResults.Empty;
    }

    /// <summary>Ends every token and cookie of the caller's account, on every node within the revalidation interval.</summary>
    private static async Task<NoContent> LogoutAsync(PasswordSignIn signIn, HttpContext http)
    {
        await signIn.SignOutEverywhereAsync(http);
        return TypedResults.NoContent();
    }

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
