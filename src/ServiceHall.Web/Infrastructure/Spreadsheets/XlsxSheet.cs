using Microsoft.Extensions.Localization;

namespace ServiceHall.Web.Infrastructure.Spreadsheets;

/// <summary>What a column holds: it decides the cell's type and its number format.</summary>
public enum XlsxColumnKind
{
    Text,
    Integer,
    /// <summary>Money and other decimals, two places (#,##0.00).</summary>
    Decimal,
    /// <summary>A share from 0 to 1, shown as 87.5%.</summary>
    Percent,
    /// <summary>A duration in minutes, one decimal place.</summary>
    Minutes,
    /// <summary>A date of the hall (a business day), yyyy-mm-dd.</summary>
    LocalDate,
    /// <summary>A UTC instant, written in the hall's zone as yyyy-mm-dd hh:mm.</summary>
    LocalDateTime,
}

/// <summary>One column: its header (already in the request's language), kind, width in characters, and how a row gives its cell.</summary>
public sealed record XlsxColumn<T>(string Header, XlsxColumnKind Kind, double Width, Func<T, object?> Value);

/// <summary>
/// A worksheet's definition: its name and columns, headers taken from a resource by key so that a sheet is
/// always in the request's language (P4). Rows come later, from a list or a stream of the database's rows.
/// </summary>
public sealed class XlsxSheet<T>
{
    private readonly IStringLocalizer _text;
    private readonly List<XlsxColumn<T>> _columns = [];

    public XlsxSheet(IStringLocalizer text, string nameKey)
    {
        _text = text;
        Name = XlsxNames.SheetName(text[nameKey].Value);
    }

    public string Name { get; }
    public IReadOnlyList<XlsxColumn<T>> Columns => _columns;

    public XlsxSheet<T> Text(string headerKey, double width, Func<T, string?> value) => Add(headerKey, XlsxColumnKind.Text, width, r => value(r));
    public XlsxSheet<T> Integer(string headerKey, double width, Func<T, long?> value) => Add(headerKey, XlsxColumnKind.Integer, width, r => value(r));
    public XlsxSheet<T> Decimal(string headerKey, double width, Func<T, decimal?> value) => Add(headerKey, XlsxColumnKind.Decimal, width, r => value(r));
    public XlsxSheet<T> Percent(string headerKey, double width, Func<T, double?> value) => Add(headerKey, XlsxColumnKind.Percent, width, r => value(r));
    public XlsxSheet<T> Minutes(string headerKey, double width, Func<T, double?> value) => Add(headerKey, XlsxColumnKind.Minutes, width, r => value(r));
    public XlsxSheet<T> LocalDate(string headerKey, double width, Func<T, DateOnly?> value) => Add(headerKey, XlsxColumnKind.LocalDate, width, r => value(r));
    public XlsxSheet<T> LocalDateTime(string headerKey, double width, Func<T, DateTime?> utc) => Add(headerKey, XlsxColumnKind.LocalDateTime, width, r => utc(r));

    private XlsxSheet<T> Add(string headerKey, XlsxColumnKind kind, double width, Func<T, object?> value)
    {
        _columns.Add(new XlsxColumn<T>(_text[headerKey].Value, kind, width, value));
        return this;
    }
}

/// <summary>Names as Excel takes them.</summary>
public static class XlsxNames
{
    private static readonly char[] NotInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>At most 31 characters and none of []:*?/\ (Excel refuses a workbook otherwise).</summary>
    public static string SheetName(string name)
    {
        var clean = string.Concat(name.Select(c => Array.IndexOf(NotInSheetNames, c) >= 0 ? '_' : c)).Trim('\'', ' ');
        if (clean.Length == 0)
            clean = "Sheet";
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
