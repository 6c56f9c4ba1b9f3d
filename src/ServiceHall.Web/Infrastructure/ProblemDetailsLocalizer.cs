using Microsoft.Extensions.Localization;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Infrastructure;

/// <summary>Every problem gets a title (and a detail, when none was given) in the request's language.</summary>
internal static class ProblemDetailsLocalizer
{
    public static void Customize(ProblemDetailsContext context)
    {
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var title = text[$"Title_{status}"];
        if (!title.ResourceNotFound)
            context.ProblemDetails.Title = title.Value;
        if (context.ProblemDetails.Detail is null)
        {
            var detail = text[$"Detail_{status}"];
            if (!detail.ResourceNotFound)
                context.ProblemDetails.Detail = detail.Value;
        }
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}
