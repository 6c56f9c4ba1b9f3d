using System.Globalization;
using QRCoder;

namespace ServiceHall.Web.Features.PublicPages;

/// <summary>
/// SVG QR codes of the installation's own public pages (a ticket's phone page, an item's guide). The address
/// is built from <c>PublicPages:BaseUrl</c> when set (behind a proxy the Host header is not the citizens' address).
/// </summary>
public static class QrCodes
{
    public static IResult Svg(HttpContext http, IConfiguration config, string path)
    {
        var baseUrl = config["PublicPages:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
            baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var url = string.Create(CultureInfo.InvariantCulture, $"{baseUrl.TrimEnd('/')}{path}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(svg, "image/svg+xml");
    }
}
