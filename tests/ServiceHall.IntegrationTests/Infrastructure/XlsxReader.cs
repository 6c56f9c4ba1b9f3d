using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServiceHall.TestSupport;

/// <summary>
/// Reads an exported .xlsx the way a spreadsheet program would (Open XML SDK), for tests: sheets by name or
/// place, cells by 1-based row and column. Linked into the browser tests too, so both read files alike.
/// </summary>
public sealed class XlsxReader
{
    private readonly List<XlsxReadSheet> _sheets;

    private XlsxReader(List<XlsxReadSheet> sheets) => _sheets = sheets;

    public IReadOnlyList<XlsxReadSheet> Sheets => _sheets;

    /// <summary>The first sheet is 1, as spreadsheet programs count.</summary>
    public XlsxReadSheet Sheet(int place) => _sheets[place - 1];

    public XlsxReadSheet Sheet(string name) => _sheets.Single(s => s.Name == name);

    public static async Task<XlsxReader> ReadAsync(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        return Read(copy);
    }

    public static XlsxReader Read(Stream seekable)
    {
        using var document = SpreadsheetDocument.Open(seekable, false);
        var book = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<XlsxReadSheet>();
        foreach (var sheet in book.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
            var cells = new Dictionary<(int Row, int Column), XlsxCell>();
            var rowNumber = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowNumber = row.RowIndex?.Value is { } r ? (int)r : rowNumber + 1;
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                    cells[(rowNumber, column)] = CellOf(cell, shared);
                }
            }
            sheets.Add(new XlsxReadSheet(sheet.Name?.Value ?? "", cells));
        }
        return new XlsxReader(sheets);
    }

    private static XlsxCell CellOf(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new XlsxCell(shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], null);
        if (type == CellValues.InlineString)
            return new XlsxCell(cell.InlineString?.InnerText ?? "", null);
        if (type == CellValues.String || type == CellValues.Boolean)
            return new XlsxCell(cell.CellValue?.Text ?? "", null);
        var text = cell.CellValue?.Text;
        return text is null
            ? new XlsxCell("", null)
            : new XlsxCell(text, double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column;
    }
}

/// <summary>A cell's text, and its number when it holds one (dates are numbers, as in Excel).</summary>
public sealed record XlsxCell(string Text, double? Number);

public sealed class XlsxReadSheet(string name, Dictionary<(int Row, int Column), XlsxCell> cells)
{
    public string Name { get; } = name;

    /// <summary>The last row that holds a cell.</summary>
    public int RowCount => cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Row);

    public string Text(int row, int column) => cells.TryGetValue((row, column), out var cell) ? cell.Text : "";

    public double Number(int row, int column) =>
        cells.TryGetValue((row, column), out var cell) && cell.Number is { } n ? n : throw new InvalidDataException($"no number at ({row}, {column})");

    public DateTime Date(int row, int column) => DateTime.FromOADate(Number(row, column));

    /// <summary>The header row's texts, left to right.</summary>
    public List<string> Headers() => [.. cells.Where(c => c.Key.Row == 1).OrderBy(c => c.Key.Column).Select(c => c.Value.Text)];

    /// <summary>The column whose header is <paramref name="header"/>.</summary>
    public int Column(string header)
    {
        var found = cells.Where(c => c.Key.Row == 1 && c.Value.Text == header).Select(c => c.Key.Column).ToList();
        return found.Count == 1 ? found[0] : throw new InvalidDataException($"no single column headed '{header}'");
    }
}
