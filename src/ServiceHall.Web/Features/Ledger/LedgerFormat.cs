using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Features.Ledger;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Ledger;

/// <summary>How the ledger's pages write periods and figures, in the current culture.</summary>
public static class LedgerFormat
{
    public static string Period(IStringLocalizer<LedgerResource> text, DateOnly start, LedgerPeriod period) => period switch
    {
        LedgerPeriod.Month => start.ToDateTime(TimeOnly.MinValue).ToString("Y", CultureInfo.CurrentCulture),
        LedgerPeriod.Week => text["Ledger_WeekOf", Day(start)],
        _ => Day(start),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minutes(double? minutes) => minutes is { } m ? m.ToString("0.0", CultureInfo.CurrentCulture) : "—";

    /// <summary>A person's name with their badge number when they have one; "nobody" for lines no one served.</summary>
    public static string Staff(IStringLocalizer<LedgerResource> text, string? name, string? badge) =>
        name is null ? text["Ledger_Nobody"] : Punctuation.WithDetail(name, badge);

    /// <summary>Two figures of a kind in one cell (转出/转入, average/longest).</summary>
    public static string Pair(string first, string second) => $"{first} / {second}";
}
