using System.Globalization;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// P4, issue 16: the name of a hall, department, item or counter (or the hall's notice line) in a culture. Pure: English
/// pages show the English name where one is set and the Chinese otherwise; every other culture shows the Chinese.
/// Every read that puts such a name on a page or into an export goes through here.
/// </summary>
public static class LocalNames
{
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The name in <paramref name="culture"/>: the English one on an English page when it is set, else the Chinese.</summary>
    public static string Of(string zh, string? en, CultureInfo culture) => Pick(zh, en, culture)!;

    /// <summary>The name in the request's culture (the API's Accept-Language, a page's language switch).</summary>
    public static string Of(string zh, string? en) => Of(zh, en, CultureInfo.CurrentUICulture);

    /// <summary>For text that may be missing in Chinese too (the notice line): the English page falls back the same way.</summary>
    public static string? Optional(string? zh, string? en) => Pick(zh, en, CultureInfo.CurrentUICulture);

    private static string? Pick(string? zh, string? en, CultureInfo culture) =>
        IsEnglish(culture) && !string.IsNullOrWhiteSpace(en) ? en : zh;
}
