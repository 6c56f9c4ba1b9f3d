using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Cases;

/// <summary>A use case's refusal as the pages show it: the same localized message the API's problem details carry.</summary>
public static class PageErrors
{
    public static string Message(IStringLocalizer<SharedResource> text, DomainException refusal)
    {
        var args = refusal.Args.Select(a => a is Enum e ? text[$"Enum_{e.GetType().Name}_{e}"].Value : a).ToArray();
        return text[$"Error_{refusal.Code}", args].Value;
    }
}
