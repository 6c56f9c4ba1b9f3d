using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ServiceHall.Web.Localization;

/// <summary>P4: zh-CN by default, English on request (query, cookie or Accept-Language).</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo Chinese = new("zh-CN");
    public static readonly CultureInfo English = new("en");

    public static void AddHallLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [Chinese, English];
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
    }

    /// <summary>Runs <paramref name="action"/> in a given UI culture, e.g. zh-CN for voice announcements.</summary>
    public static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
