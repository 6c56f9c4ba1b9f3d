using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Counters;

public static class CounterNames
{
    /// <summary>
    /// "3 号窗口", with the counter's own name when it says more than its number ("3 号窗口 · 综合受理"); an English name that
    /// says only its number ("Counter 3") is not said twice either.
    /// </summary>
    public static string Title(this IStringLocalizer<CounterResource> text, CounterStatusView counter)
    {
        var name = counter.Name.Replace(" ", "", StringComparison.Ordinal);
        var shortName = text["CounterShort", counter.Number].Value;
        return name == $"{counter.Number}号窗口" || string.Equals(name, shortName.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            ? shortName
            : text["CounterLabel", counter.Number, counter.Name];
    }
}
