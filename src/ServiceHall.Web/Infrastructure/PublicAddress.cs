namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// The address citizens' phones and devices reach the installation at, for QR codes and enrolment links.
/// <c>PublicPages:BaseUrl</c> when configured. Otherwise the request's own address, but only when its host
/// is one the operator named (<c>PublicPages:AllowedHosts</c>, else <c>AllowedHosts</c> unless it is "*"),
/// or a loopback name for the demo on one machine: a forged Host header must never end up in a QR code a
/// cache may hand to every kiosk.
/// </summary>
public sealed class PublicAddress(IConfiguration config, ILogger<PublicAddress> logger)
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The base URL without a trailing slash, or null when the request's host is not trusted and none is configured.</summary>
    public string? BaseUrl(HttpContext http)
    {
        if (config["PublicPages:BaseUrl"] is { Length: > 0 } configured)
            return configured.TrimEnd('/');
        var host = http.Request.Host.Host;
        if (AllowedHosts().Any(allowed => string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase)
                                          || (allowed.StartsWith("*.", StringComparison.Ordinal)
                                              && host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase))))
            return $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}".TrimEnd('/');
        logger.LogWarning("No public address for host {Host}: set PublicPages:BaseUrl (or list the host in PublicPages:AllowedHosts)",
            http.Request.Host.ToString());
        return null;
    }

    private IEnumerable<string> AllowedHosts()
    {
        var listed = config.GetSection("PublicPages:AllowedHosts").Get<string[]>()
                     ?? config["PublicPages:AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (listed is { Length: > 0 })
            return listed;
        var hostFiltering = config["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return hostFiltering.Length > 0 && !hostFiltering.Contains("*") ? hostFiltering : Loopback;
    }

    /// <summary>scheme://host[:port] of a configured URL, as a browser writes it in an Origin header.</summary>
    public static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
