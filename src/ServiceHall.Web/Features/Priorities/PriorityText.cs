using System.Globalization;
using ServiceHall.Core.Features.Priorities;

namespace ServiceHall.Web.Features.Priorities;

/// <summary>A category's name in the page's language: Chinese by default (P4), English on English pages.</summary>
public static class PriorityText
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Name(string zh, string en) => IsEnglish ? en : zh;

    public static string Name(PriorityCategoryView c) => Name(c.NameZh, c.NameEn);

    public static string Name(PriorityClaimView c) => Name(c.NameZh, c.NameEn);
}
