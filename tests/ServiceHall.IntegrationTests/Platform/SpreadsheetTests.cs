using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Halls;
using ServiceHall.TestSupport;
using ServiceHall.Web.Infrastructure.Spreadsheets;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>
/// The one spreadsheet writer (ADR-020): rows go out while they are produced, into a stream that refuses
/// synchronous writes as Kestrel's response body does, and every kind of column reads back as written.
/// </summary>
public sealed class SpreadsheetTests
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");

    [Fact]
    public async Task Workbook_HundredThousandRows_BytesLeaveBeforeTheLastRow()
    {
        const int rows = 100_000;
        var body = new ResponseLikeStream();
        long beforeLastRow = -1;

        async IAsyncEnumerable<int> Produce([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 1; i <= rows; i++)
            {
                if (i == rows)
                    beforeLastRow = body.Written;
                if (i % 5_000 == 0)
                    await Task.Yield();
                yield return i;
            }
        }

        var sheet = new XlsxSheet<int>(new Texts(), "Sheet")
            .Integer("No", 8, i => i)
            .Text("Name", 20, i => $"第{i}行 row {i}")
            .Minutes("Minutes", 8, i => i % 97 / 3.0)
            .Percent("Share", 8, i => i % 100 / 100.0)
            .LocalDateTime("At", 17, i => new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc).AddSeconds(i));
        await XlsxWorkbook.WriteAsync(body, Shanghai, book => book.AddSheetAsync(sheet, Produce(), default), default);

        // Nothing is held back for the end: by the last row, nearly all of the file has gone out.
        Assert.True(body.Written > 1_000_000, $"{body.Written} bytes");
        Assert.True(beforeLastRow > body.Written * 0.9, $"{beforeLastRow} of {body.Written} bytes before the last row");
    }

    [Fact]
    public async Task Workbook_TwoSheets_EveryKindReadsBack()
    {
        var body = new ResponseLikeStream(keep: true);
        var first = new XlsxSheet<Row>(new Texts(), "First")
            .Text("Name", 12, r => r.Name)
            .Integer("Count", 8, r => r.Count)
            .Decimal("Money", 10, r => r.Money)
            .Percent("Share", 8, r => r.Share)
            .Minutes("Minutes", 8, r => r.Minutes)
            .LocalDate("Day", 12, r => r.Day)
            .LocalDateTime("At", 17, r => r.At);
        var second = new XlsxSheet<string>(new Texts(), "Second: [notes]?").Text("Name", 30, s => s);
        Row[] rows =
        [
            new("窗口一", 12, 1234.5m, 0.875, 4.26, new DateOnly(2026, 11, 23), new DateTime(2026, 11, 23, 16, 30, 0, DateTimeKind.Utc)),
            new("", null, null, null, null, null, null),
        ];
        await XlsxWorkbook.WriteAsync(body, Shanghai, async book =>
        {
            await book.AddSheetAsync(first, rows, default);
            await book.AddSheetAsync(second, ["工作小结"], default);
        }, default);

        var file = XlsxReader.Read(new MemoryStream(body.Kept.ToArray()));
        Assert.Equal(["First", "Second_ _notes__"], file.Sheets.Select(s => s.Name));
        var sheet = file.Sheet(1);
        Assert.Equal(["Name", "Count", "Money", "Share", "Minutes", "Day", "At"], sheet.Headers());
        Assert.Equal(3, sheet.RowCount);
        Assert.Equal("窗口一", sheet.Text(2, 1));
        Assert.Equal(12, sheet.Number(2, 2));
        Assert.Equal(1234.5, sheet.Number(2, 3));
        Assert.Equal(0.875, sheet.Number(2, 4));
        Assert.Equal(4.3, sheet.Number(2, 5));
        Assert.Equal(new DateTime(2026, 11, 23), sheet.Date(2, 6));
        // 16:30 UTC is half past midnight of the next day in the hall.
        Assert.Equal(new DateTime(2026, 11, 24, 0, 30, 0), sheet.Date(2, 7));
        Assert.Equal("", sheet.Text(3, 2));
        Assert.Equal("工作小结", file.Sheet(2).Text(2, 1));
    }

    private sealed record Row(string Name, int? Count, decimal? Money, double? Share, double? Minutes, DateOnly? Day, DateTime? At);

    /// <summary>Headers are their own keys here: the writer's part is to take them from a resource.</summary>
    private sealed class Texts : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    /// <summary>Like Kestrel's response body: synchronous writes are refused; bytes are counted (and kept when asked).</summary>
    private sealed class ResponseLikeStream(bool keep = false) : Stream
    {
        public long Written { get; private set; }
        public MemoryStream Kept { get; } = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            if (keep)
                Kept.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
