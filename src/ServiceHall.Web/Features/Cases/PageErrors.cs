using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Cases;

/// <summary>A use case's refusal as the pages show it: the same localized message the API's problem details carry.</summary>
public static class PageErrors
{
    public static string Message(IStringLocalizer<SharedResource> text, DomainException refusal)
    {
        return text.Describe(refusal);
    }
}
