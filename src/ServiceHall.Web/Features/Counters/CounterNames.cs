using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Counters;

public static class CounterNames
{
    /// <summary>"3 号窗口", with the counter's own name when it says more than its number ("3 号窗口 · 综合受理").</summary>
    public static string Title(this IStringLocalizer<CounterResource> text, CounterStatusView counter) =>
        counter.Name.Replace(" ", "", StringComparison.Ordinal) == $"{counter.Number}号窗口"
            ? text["CounterShort", counter.Number]
            : text["CounterLabel", counter.Number, counter.Name];
}
