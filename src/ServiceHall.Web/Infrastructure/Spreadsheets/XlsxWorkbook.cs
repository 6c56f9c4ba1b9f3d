using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Web.Infrastructure.Spreadsheets;

/// <summary>
/// The one way the app writes .xlsx (ADR-020): SpreadCheetah writes rows forward into the stream as they
/// come, so memory does not grow with the rows. Times are written in the hall's zone as Excel dates.
/// </summary>
public sealed class XlsxWorkbook
{
    private readonly Spreadsheet _spreadsheet;
    private readonly HallClock _clock;
    private readonly StyleId _header, _decimal, _percent, _minutes, _date, _dateTime;

    private XlsxWorkbook(Spreadsheet spreadsheet, HallClock clock)
    {
        _spreadsheet = spreadsheet;
        _clock = clock;
        var header = new Style();
        header.Font.Bold = true;
        _header = spreadsheet.AddStyle(header);
        _decimal = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.00") });
        _percent = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0%") });
        _minutes = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
        _date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        _dateTime = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
    }

    /// <summary>
    /// Writes a workbook into <paramref name="stream"/>: <paramref name="write"/> adds its sheets, then the file
    /// is finished. The stream may be a response body that refuses synchronous writes.
    /// </summary>
    public static async Task WriteAsync(Stream stream, HallClock clock, Func<XlsxWorkbook, Task> write, CancellationToken ct)
    {
        await using var body = new AsyncOnlyStream(stream);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(body, cancellationToken: ct))
        {
            await write(new XlsxWorkbook(spreadsheet, clock));
            await spreadsheet.FinishAsync(ct);
        }
        await body.FlushAsync(ct);
    }

    /// <summary>Adds a sheet with its header row and one row per item, written as they are produced.</summary>
    public async Task AddSheetAsync<T>(XlsxSheet<T> sheet, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var cells = await StartAsync(sheet, ct);
        await foreach (var row in rows.WithCancellation(ct))
            await AddRowAsync(sheet, row, cells, ct);
    }

    /// <inheritdoc cref="AddSheetAsync{T}(XlsxSheet{T}, IAsyncEnumerable{T}, CancellationToken)"/>
    public async Task AddSheetAsync<T>(XlsxSheet<T> sheet, IEnumerable<T> rows, CancellationToken ct)
    {
        var cells = await StartAsync(sheet, ct);
        foreach (var row in rows)
            await AddRowAsync(sheet, row, cells, ct);
    }

    private async Task<Cell[]> StartAsync<T>(XlsxSheet<T> sheet, CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
            options.Column(c + 1).Width = sheet.Columns[c].Width;
        await _spreadsheet.StartWorksheetAsync(sheet.Name, options, ct);
        var cells = new Cell[sheet.Columns.Count];
        for (var c = 0; c < cells.Length; c++)
            cells[c] = new Cell(sheet.Columns[c].Header, _header);
        await _spreadsheet.AddRowAsync(cells, ct);
        return cells;
    }

    // One array of cells per sheet, filled again for every row: nothing is kept once a row is written.
    private async ValueTask AddRowAsync<T>(XlsxSheet<T> sheet, T row, Cell[] cells, CancellationToken ct)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            var column = sheet.Columns[c];
            cells[c] = ToCell(column.Kind, column.Value(row));
        }
        await _spreadsheet.AddRowAsync(cells, ct);
    }

    private Cell ToCell(XlsxColumnKind kind, object? value) => value switch
    {
        null => new Cell((string?)null),
        _ => kind switch
        {
            XlsxColumnKind.Text => new Cell(Convert.ToString(value, System.Globalization.CultureInfo.CurrentCulture)),
            XlsxColumnKind.Integer => new Cell(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            XlsxColumnKind.Decimal => new Cell(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), _decimal),
            XlsxColumnKind.Percent => new Cell(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), _percent),
            XlsxColumnKind.Minutes => new Cell(Math.Round(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), 1), _minutes),
            XlsxColumnKind.LocalDate => new Cell(((DateOnly)value).ToDateTime(TimeOnly.MinValue), _date),
            XlsxColumnKind.LocalDateTime => new Cell(_clock.ToLocal((DateTime)value), _dateTime),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        },
    };
}
