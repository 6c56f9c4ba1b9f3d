using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Turns refusals into RFC 9457 problem details in the request's language: a use case's
/// <see cref="DomainException"/>, a malformed or oversized body, a bad parameter.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        switch (exception)
        {
            case DomainException domain:
                var status = domain.Kind switch
                {
                    ErrorKind.Validation => StatusCodes.Status400BadRequest,
                    ErrorKind.NotFound => StatusCodes.Status404NotFound,
                    ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status409Conflict,
                };
                var args = DomainMessages.Arguments(text, domain);
                return await WriteAsync(context, status, domain.Code, domain.Field, args);
            case BadHttpRequestException bad:
                logger.LogDebug(bad, "Bad request");
                var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "BodyTooLarge"
                    : bad.InnerException is JsonException ? "MalformedJson" : "BadRequest";
                return await WriteAsync(context, bad.StatusCode, code, null, PlatformSetup.MaxApiBodyBytes / 1024);
            default:
                return false;
        }
    }

    private async Task<bool> WriteAsync(HttpContext context, int status, string code, string? field, params object[] args)
    {
        context.Response.StatusCode = status;
        var detail = text[$"Error_{code}", args].Value;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (field is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>For middleware that refuses before an endpoint runs (rate limit, body size).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, params object[] args)
    {
        var handler = ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(context.RequestServices);
        return handler.WriteAsync(context, status, code, null, args);
    }
}
