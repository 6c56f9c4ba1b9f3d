using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Identity;

/// <summary>
/// The browser side of the signed-in pages that must be full HTTP requests: signing out (the cookie is
/// removed by a response) and choosing the language (a cookie read by request localization, so it
/// applies to Blazor circuits and to the API alike).
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/logout", LogoutAsync);
        account.MapGet("/culture", SetCulture).AllowAnonymous();
    }

    private static async Task<IResult> LogoutAsync(PasswordSignIn signIn, IAntiforgery antiforgery, HttpContext http)
    {
        // A plain form post: another site must not be able to sign a counter out.
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest();
        // Signing out ends the account's tokens and cookies everywhere, not only this browser's cookie.
        await signIn.SignOutEverywhereAsync(http);
        return Results.LocalRedirect("/login");
    }

    private static IResult SetCulture(string? culture, string? redirectUri, HttpContext http)
    {
        var chosen = culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? LocalizationSetup.English : LocalizationSetup.Chinese;
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(RoleHome.IsLocalUrl(redirectUri) ? redirectUri! : "/");
    }
}
