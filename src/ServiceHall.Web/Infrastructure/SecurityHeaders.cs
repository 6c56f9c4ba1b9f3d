using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.HttpsPolicy;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Headers on every response, pages, documents, API and files alike: a Content-Security-Policy that
/// loads nothing from outside the installation and runs no inline script, no framing, no MIME sniffing,
/// no referrer beyond the site. Over TLS (Kestrel's own or a proxy's, forwarded) also HSTS, and a redirect
/// to HTTPS when Kestrel itself listens on it; the plain-http loopback demo is left as it is.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>What every policy says; each adds its own script-src and style-src.</summary>
    private const string Common = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; media-src 'self'; " +
                                  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Light pages, printable documents, API responses: no inline script or style.</summary>
    public const string StrictPolicy = Common + "; script-src 'self'; style-src 'self'";

    /// <summary>
    /// Blazor pages: Blazor and MudBlazor write style attributes and MudBlazor's theme a &lt;style&gt; element
    /// at run time, which no hash or nonce can name in advance. Script stays 'self' only.
    /// </summary>
    public const string AppPolicy = Common + "; script-src 'self'; style-src 'self' 'unsafe-inline'";

    /// <summary>
    /// The Scalar API reference starts itself with an inline script and styles and compiles schemas with eval;
    /// it shows only the installation's own OpenAPI document, on this one path.
    /// </summary>
    public const string ApiReferencePolicy = Common + "; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'";

    public const string ApiReferencePath = "/api-docs";

    public static void AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        builder.Services.Configure<HttpsRedirectionOptions>(o => o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);
    }

    public static void UseSecurityHeaders(this WebApplication app)
    {
        // HSTS only ever goes on HTTPS responses (after forwarded headers, a proxy's TLS counts); never for localhost.
        app.UseHsts();
        if (ServesHttps(app.Configuration))
            app.UseHttpsRedirection();
        app.Use((context, next) =>
        {
            // Set as the response starts: an error page written after Response.Clear() carries them too.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(http);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }

    public static string PolicyFor(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ApiReferencePath))
            return ApiReferencePolicy;
        return context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? AppPolicy : StrictPolicy;
    }

    /// <summary>Kestrel listens on HTTPS itself (urls or an endpoint in configuration): then plain HTTP is redirected.</summary>
    public static bool ServesHttps(IConfiguration config)
    {
        if ((config["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
            || config["https_ports"] is { Length: > 0 })
            return true;
        return config.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => e["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);
    }
}
