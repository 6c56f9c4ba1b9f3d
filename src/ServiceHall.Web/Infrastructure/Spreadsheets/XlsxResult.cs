using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Web.Infrastructure.Spreadsheets;

/// <summary>
/// An endpoint's .xlsx answer, streamed into the response: the file name in the request's language
/// (RFC 5987 <c>filename*</c>, with an ASCII fallback), sheets added by <c>write</c> as their rows are read.
/// Whatever may refuse the request (access, input) must have been checked before: once the first bytes are
/// out, the status is sent.
/// </summary>
public sealed class XlsxResult(string fileName, HallClock clock, Func<XlsxWorkbook, CancellationToken, Task> write)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName { get; } = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName : fileName + ".xlsx";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        // Registers hold names: no cache keeps a copy.
        response.Headers.CacheControl = "no-store";
        var ct = httpContext.RequestAborted;
        await XlsxWorkbook.WriteAsync(response.Body, clock, book => write(book, ct), ct);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]), [ContentType]));
}
