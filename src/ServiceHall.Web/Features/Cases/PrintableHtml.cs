using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Localization;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Cases;

/// <summary>
/// A light printable A4 page (plain HTML and print CSS, no script): documents handed to applicants
/// and the public service guide. Every value is HTML-encoded here.
/// </summary>
public sealed class PrintableHtml
{
    private const string Css = """
        @page { size: A4; margin: 18mm 16mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; color: #000; margin: 0 auto;
               max-width: 178mm; padding: 8mm 0; font-size: 11.5pt; line-height: 1.6; }
        header { text-align: center; border-bottom: 2px solid #000; margin-bottom: 5mm; padding-bottom: 2mm; }
        header .hall { font-size: 12pt; letter-spacing: .1em; }
        h1 { font-size: 20pt; margin: 2mm 0 1mm; letter-spacing: .3em; }
        .number { text-align: right; font-size: 10.5pt; }
        h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; border-left: 3pt solid #000; padding-left: 2mm; }
        table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; page-break-inside: auto; }
        th, td { border: 1px solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
        th { background: #eee; font-weight: bold; white-space: nowrap; }
        td.n { text-align: center; white-space: nowrap; }
        tr { page-break-inside: avoid; }
        .fields th { width: 28%; }
        p { margin: 1.5mm 0; }
        .strong { font-weight: bold; font-size: 12.5pt; }
        .exception { border: 1.5px dashed #000; padding: 1.5mm 2mm; }
        .signature { display: flex; justify-content: space-between; margin-top: 10mm; gap: 6mm; }
        .signature div { flex: 1; }
        .seal { text-align: right; }
        footer { margin-top: 6mm; border-top: 1px solid #000; padding-top: 1.5mm; font-size: 9.5pt; }
        ol { margin: 1mm 0; padding-left: 7mm; }
        .print { position: fixed; top: 4mm; right: 4mm; font-size: 12pt; padding: 2mm 5mm; }
        @media print { .print { display: none; } body { padding: 0; } }
        """;

    private readonly StringBuilder _html = new();

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public PrintableHtml Raw(string html)
    {
        _html.Append(html);
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

    public IResult Page(string title, string printLabel)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>{Css}</style></head>
            <body><button class="print" type="button" onclick="window.print()">{E(printLabel)}</button>
            <main>{_html}</main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
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
