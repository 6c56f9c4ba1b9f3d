using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Localization;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Cases;

/// <summary>
/// A light printable A4 page (plain HTML, print CSS and one small script file, nothing inline): documents handed to applicants
/// and the public service guide. Every value is HTML-encoded here.
/// </summary>
public sealed class PrintableHtml
{

    private readonly StringBuilder _html = new();
    private bool _printOnLoad;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public PrintableHtml Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    /// <summary>The print dialog comes up as soon as the page has loaded (wwwroot/public/printable.js).</summary>
    public PrintableHtml PrintOnLoad()
    {
        _printOnLoad = true;
        return this;
    }

    public PrintableHtml Text(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
            _html.Append(" class=\"").Append(cssClass).Append('"');
        _html.Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A two-column table of labels and values; empty values are left out.</summary>
    public PrintableHtml Fields(params (string Label, string? Value)[] rows)
    {
        _html.Append("<table class=\"fields\">");
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
            _html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        _html.Append("</table>");
        return this;
    }

    public PrintableHtml Table(string[] headers, IEnumerable<string[]> rows, int[]? centred = null)
    {
        _html.Append("<table><thead><tr>");
        foreach (var h in headers)
            _html.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        _html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
                _html.Append(centred?.Contains(i) == true ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
            _html.Append("</tr>");
        }
        _html.Append("</tbody></table>");
        return this;
    }

    public PrintableHtml List(IEnumerable<string> items)
    {
        _html.Append("<ol>");
        foreach (var item in items)
            _html.Append("<li>").Append(E(item)).Append("</li>");
        _html.Append("</ol>");
        return this;
    }

    /// <summary>Multi-line text as paragraphs.</summary>
    public PrintableHtml Paragraphs(string? text)
    {
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            Text("p", line);
        return this;
    }

    /// <param name="statusCode">200, or a page that says why there is nothing to show (404 with its explanation).</param>
    public IResult Page(string title, string printLabel, int statusCode = StatusCodes.Status200OK)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/public/printable.css"><script src="/public/printable.js" defer></script></head>
            <body{(_printOnLoad ? " data-print-on-load" : "")}><button class="print" type="button" data-print>{E(printLabel)}</button>
            <main>{_html}</main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>The light pages take <c>?lang=en</c> like the kiosk; otherwise the request's culture stands.</summary>
    public static void ApplyLanguage(HttpContext http)
    {
        var lang = http.Request.Query["lang"].ToString();
        if (lang.Length == 0)
            return;
        var culture = lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.English : LocalizationSetup.Chinese;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), null));
    }

    public static string Date(DateOnly? day) => day is { } d ? d.ToString("D", CultureInfo.CurrentCulture) : "";

    public static string DateTimeText(DateTime local) =>
        local.ToString("D", CultureInfo.CurrentCulture) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
}
