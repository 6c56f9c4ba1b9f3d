using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Calendar;

/// <summary>One line of a schedule as published: a day, or a range of days (<c>to</c> inclusive).</summary>
public sealed record CalendarImportDay(string? Date, string? To, string? Kind, string? Name);

/// <summary>A year's schedule as JSON: <c>{"year":2027,"source":"…","days":[{"date":"2027-01-01","kind":"dayOff","name":"元旦"}]}</c>.</summary>
public sealed record CalendarImportDocument(int Year, string? Source, List<CalendarImportDay>? Days);

/// <summary>
/// Reads a year's schedule (the State Council publishes the next year each November) from JSON or
/// CSV and checks it before anything is stored: every day inside the year, no day twice, make-up
/// workdays only on weekends.
/// </summary>
public static class CalendarImport
{
    public const int MaxNameLength = 50;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>CSV lines <c>date,kind,name</c>; a date may be a range <c>2027-02-05..2027-02-13</c>; a header line is skipped.</summary>
    public static List<CalendarEntry> ParseCsv(int year, string csv)
    {
        var days = new List<CalendarImportDay>();
        var lines = csv.Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (i == 0 && line.StartsWith("date", StringComparison.OrdinalIgnoreCase)))
                continue;
            var cells = line.Split(',', 3).Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length < 2)
                throw DomainException.Invalid("csv", ErrorCodes.CalendarLineInvalid, i + 1);
            var range = cells[0].Split("..");
            days.Add(new CalendarImportDay(range[0], range.Length > 1 ? range[1] : null, cells[1], cells.Length > 2 ? cells[2] : null));
        }
        return Expand(year, days, line => line + 1);
    }

    public static List<CalendarEntry> ParseJson(int year, CalendarImportDocument document)
    {
        // The body is read by the endpoint itself (it also takes CSV), so the request walk happens here.
        InputRules.Check(document, "");
        if (document.Year != year)
            throw DomainException.Invalid("year", ErrorCodes.CalendarYearMismatch, document.Year, year);
        return Expand(year, document.Days ?? [], index => index + 1);
    }

    /// <summary>Expands ranges into days and checks the whole year; <paramref name="lineOf"/> names the offending line.</summary>
    public static List<CalendarEntry> Expand(int year, IReadOnlyList<CalendarImportDay> days, Func<int, int> lineOf)
    {
        CheckYear(year);
        var entries = new Dictionary<DateOnly, CalendarEntry>();
        for (var i = 0; i < days.Count; i++)
        {
            var line = days[i];
            InputRules.Check(line, $"days[{i}]");
            if (!TryParseDate(line.Date, out var from) || (line.To is not null && !TryParseDate(line.To, out _)))
                throw DomainException.Invalid("days", ErrorCodes.CalendarLineInvalid, lineOf(i));
            var to = line.To is null ? from : ParseDate(line.To);
            var kind = ParseKind(line.Kind) ?? throw DomainException.Invalid("days", ErrorCodes.CalendarLineInvalid, lineOf(i));
            var name = string.IsNullOrWhiteSpace(line.Name) ? null : line.Name.Trim();
            if (name is { Length: > MaxNameLength })
                throw DomainException.Invalid("days", ErrorCodes.TooLong, "name", MaxNameLength);
            if (to < from || to.DayNumber - from.DayNumber > 31)
                throw DomainException.Invalid("days", ErrorCodes.CalendarLineInvalid, lineOf(i));
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                CheckDay(year, day, kind);
                if (!entries.TryAdd(day, new CalendarEntry(day, kind, name)))
                    throw DomainException.Invalid("days", ErrorCodes.CalendarDuplicateDate, Format(day));
            }
        }
        return [.. entries.Values.OrderBy(e => e.Date)];
    }

    public static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100)
            throw DomainException.Invalid("year", ErrorCodes.CalendarYearOutOfRange, year);
    }

    public static void CheckDay(int year, DateOnly day, CalendarDayKind kind)
    {
        if (day.Year != year)
            throw DomainException.Invalid("days", ErrorCodes.CalendarDateOutsideYear, Format(day), year);
        if (kind == CalendarDayKind.MakeUpWorkday && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            throw DomainException.Invalid("days", ErrorCodes.CalendarMakeUpNotWeekend, Format(day));
    }

    public static CalendarDayKind? ParseKind(string? kind) => kind?.Trim() switch
    {
        "休" => CalendarDayKind.DayOff,
        "班" => CalendarDayKind.MakeUpWorkday,
        { } text when Enum.TryParse<CalendarDayKind>(text, ignoreCase: true, out var parsed)
                      && !int.TryParse(text, out _) => parsed,
        _ => null,
    };

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
