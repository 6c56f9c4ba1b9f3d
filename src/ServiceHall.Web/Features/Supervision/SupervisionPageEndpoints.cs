using Microsoft.Extensions.Localization;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>
/// The light pages of supervision: the rating pad next to a counter <c>/pad/{counterId}</c> (device role
/// ratingpad) and the citizens' online complaint form <c>/complain/{hallId}</c> with its tracking page.
/// Rating from the phone is a part of <c>/t/{ticketId}</c> (wwwroot/public/rating.js).
/// </summary>
public static class SupervisionPageEndpoints
{
    public static void MapSupervisionPages(this WebApplication app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        pages.MapGet("/pad/{counterId:guid}", (IWebHostEnvironment env) => Page(env, "pad.html")).WithName("RatingPadPage");
        pages.MapGet("/complain/{hallId:guid}", (IWebHostEnvironment env) => Page(env, "complain.html")).WithName("ComplaintPage");
        pages.MapGet("/complain/track/{trackingCode:guid}", (IWebHostEnvironment env) => Page(env, "complain.html")).WithName("ComplaintTrackingPage");
        app.MapGet("/api/i18n/supervision", Strings).WithTags("PublicPages").WithName("SupervisionPageStrings").AllowAnonymous();
    }

    private static IResult Page(IWebHostEnvironment env, string name) =>
        Results.Stream(env.WebRootFileProvider.GetFileInfo($"public/{name}").CreateReadStream(), "text/html; charset=utf-8");

    private static Dictionary<string, string> Strings(string? lang, IStringLocalizer<SupervisionPublicResource> strings)
    {
        var culture = lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? LocalizationSetup.English : LocalizationSetup.Chinese;
        return LocalizationSetup.InCulture(culture, () =>
            strings.GetAllStrings(includeParentCultures: true).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value));
    }
}
