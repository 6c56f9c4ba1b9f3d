using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.PublicPages;

/// <summary>
/// The light public pages of issue 3 — kiosk <c>/kiosk/{hallId}</c>, phone <c>/t/{ticketId}</c>, display
/// <c>/display/{hallId}</c> — as static HTML + vanilla JS from wwwroot/public, plus what only the server can
/// give them: their strings (P4) and the QR code of a ticket (Q1). They read the public REST API and the
/// anonymous hall hub, so they run on modest kiosk and display hardware without a framework.
/// </summary>
public static class PublicPageEndpoints
{
    public static void MapPublicPageEndpoints(this WebApplication app)
    {
        app.UseVoiceClips();
        var pages = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        pages.MapGet("/kiosk/{hallId:guid}", (IWebHostEnvironment env) => Page(env, "kiosk.html")).WithName("KioskPage");
        pages.MapGet("/t/{ticketId:guid}", (IWebHostEnvironment env) => Page(env, "phone.html")).WithName("PhonePage");

        // The hall's big screen runs on a display device account (display1 in the demo): it signs in once at
        // /login (a lasting cookie) and comes straight back here. Its data still comes from the public API and hub.
        app.MapGet("/display/{hallId:guid}", DisplayPage).WithName("DisplayPage").ExcludeFromDescription()
            .RequireAuthorization(IdentitySetup.DisplayPolicy).RequireHall();

        var api = app.MapGroup("/api").WithTags("PublicPages").AllowAnonymous();
        api.MapGet("/i18n/public", PublicStrings).WithName("PublicPageStrings");
        api.MapGet("/tickets/{ticketId:guid}/qr.svg", TicketQrAsync).WithName("TicketQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A display account and a supervisor open their own hall's screen only (the hall policy); administrators any.</summary>
    private static IResult DisplayPage(IWebHostEnvironment env) => Page(env, "display.html");

    private static IResult Page(IWebHostEnvironment env, string name)
    {
        var file = env.WebRootFileProvider.GetFileInfo($"public/{name}");
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }

    /// <summary>All public-page strings of one culture (zh-CN unless <c>lang=en</c>), as a flat JSON object.</summary>
    private static Dictionary<string, string> PublicStrings(string? lang, IStringLocalizer<PublicPagesResource> strings)
    {
        var culture = lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? LocalizationSetup.English : LocalizationSetup.Chinese;
        return LocalizationSetup.InCulture(culture, () =>
            strings.GetAllStrings(includeParentCultures: true)
                .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value));
    }

    /// <summary>
    /// An SVG QR code of the absolute phone-page address of a ticket with its rating key (<c>/t/{id}?k=…</c>), for
    /// the issuer who holds the key (<c>?k=</c>): the code is the citizen's proof of having been served (ADR-017).
    /// The address is built from <c>PublicPages:BaseUrl</c> when set (behind a proxy the Host header is not the citizens' address).
    /// </summary>
    private static async Task<IResult> TicketQrAsync(Guid ticketId, string? k, HallDbContext db, HttpContext http,
        IConfiguration config, CancellationToken ct)
    {
        // 404 for an unknown ticket or a wrong key: no codes for guessed ids, and no key for a read ticket id.
        var key = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RatingKey).FirstOrDefaultAsync(ct);
        if (key is null || !RatingKeys.Matches(key, k))
            throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        return QrCodes.Svg(http, config, $"/t/{ticketId}?k={key}");
    }
}
