namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// A browser sends the staff's cookie with any request to the site, also one another site makes it send (a
/// form posted from elsewhere, or a page on another port of the same host). So a request that changes
/// something and is not authenticated by a bearer token must come from the site's own pages: the browser's
/// <c>Sec-Fetch-Site</c> says so, or, from a browser without it, the <c>Origin</c> header matches this site
/// (its own address or <c>PublicPages:BaseUrl</c>). Requests without either header are not a browser's and
/// carry no ambient cookie risk; bearer-token calls are never affected.
/// </summary>
public static class OriginCheck
{
    public static void UseOriginCheck(this WebApplication app)
    {
        var publicOrigin = PublicAddress.Origin(app.Configuration["PublicPages:BaseUrl"]);
        app.Use(async (context, next) =>
        {
            if (IsCrossOrigin(context.Request, publicOrigin))
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck))
                    .LogWarning("Refused a cross-origin {Method} {Path} from {Origin}", context.Request.Method, context.Request.Path,
                        context.Request.Headers.Origin.ToString());
                await ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status403Forbidden, "CrossOrigin");
                return;
            }
            await next(context);
        });
    }

    public static bool IsCrossOrigin(HttpRequest request, string? publicOrigin)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
            return false;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        var own = $"{request.Scheme}://{request.Host}";
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
               && !string.Equals(origin, publicOrigin, StringComparison.OrdinalIgnoreCase);
    }
}
