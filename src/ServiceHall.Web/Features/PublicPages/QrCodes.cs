using System.Globalization;
using QRCoder;
using ServiceHall.Core;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.PublicPages;

/// <summary>
/// SVG QR codes of the installation's own public pages (a ticket's phone page, an item's guide). The address
/// is the installation's public address (<see cref="PublicAddress"/>), never a Host header as sent.
/// </summary>
public static class QrCodes
{
    public static IResult Svg(HttpContext http, IConfiguration config, string path)
    {
        // Never the Host header as sent: a forged one would put another site in a code that caches keep (PublicAddress).
        var baseUrl = http.RequestServices.GetRequiredService<PublicAddress>().BaseUrl(http)
                      ?? throw new DomainException(ErrorKind.Validation, ErrorCodes.PublicAddressUnknown) { Field = "Host" };
        var url = string.Create(CultureInfo.InvariantCulture, $"{baseUrl.TrimEnd('/')}{path}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(svg, "image/svg+xml");
    }

    /// <summary>
    /// An SVG QR code of a short text that is no address (a booking code, read by the kiosk's scanner). It is the holder's
    /// secret, so only their own browser keeps it.
    /// </summary>
    public static IResult SvgOfText(HttpContext http, string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
    }
}
