using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Core;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Identity;

public sealed record LoginRequest(string? UserName, string? Password);

public static class IdentityEndpoints
{
    public static void MapIdentityEndpoints(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).WithName("Login").AllowAnonymous()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization();
    }

    /// <summary>
    /// Signs in with user name and password. The bearer handler writes
    /// <c>{"tokenType":"Bearer","accessToken","expiresIn","refreshToken"}</c>; with
    /// <c>?useCookies=true</c> a browser gets the cookie instead.
    /// </summary>
    private static async Task<EmptyHttpResult> LoginAsync(
        LoginRequest request, bool? useCookies, SignInManager<User> signIn, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
            throw DomainException.Required("userName");
        if (string.IsNullOrEmpty(request.Password))
            throw DomainException.Required("password");
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
            await ProblemExceptionHandler.WriteAsync(http, StatusCodes.Status401Unauthorized,
                result.IsLockedOut ? "LockedOut" : "InvalidCredentials");
        return TypedResults.Empty;
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<User> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
