using Microsoft.Extensions.Localization;
using ServiceHall.Core;

namespace ServiceHall.Web.Localization;

/// <summary>A use case's refusal as one sentence in the current language, for problem details and pages alike.</summary>
public static class DomainMessages
{
    public static string Describe(this IStringLocalizer<SharedResource> text, DomainException refusal) =>
        text[$"Error_{refusal.Code}", Arguments(text, refusal)].Value;

    /// <summary>Enum arguments (a ticket's status…) are named in the current language too.</summary>
    public static object[] Arguments(IStringLocalizer<SharedResource> text, DomainException refusal) =>
        refusal.Args.Select(a => a is Enum e ? text[$"Enum_{e.GetType().Name}_{e}"].Value : a).ToArray();
}
