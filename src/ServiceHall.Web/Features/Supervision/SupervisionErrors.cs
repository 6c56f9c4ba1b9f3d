using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>A refusal as the supervision pages show it: the API's localized message, with the field it names given by its label in the page.</summary>
public static class SupervisionErrors
{
    public static string Message(IStringLocalizer<SharedResource> refusals, IStringLocalizer<SupervisionResource> labels, DomainException refusal)
    {
        var args = refusal.Args.Select(a => a switch
        {
            Enum e => refusals[$"Enum_{e.GetType().Name}_{e}"].Value,
            string field when field == refusal.Field => labels[$"Field_{field}"] is { ResourceNotFound: false } label ? label.Value
                : DomainMessages.FieldLabel(refusals, field),
            _ => a,
        }).ToArray();
        return refusals[$"Error_{refusal.Code}", args].Value;
    }
}
