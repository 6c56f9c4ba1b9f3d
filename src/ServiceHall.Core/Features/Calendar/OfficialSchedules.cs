using System.Text.Json;

namespace ServiceHall.Core.Features.Calendar;

/// <summary>
/// The State Council's holiday schedules shipped with the product (official-schedules.json, checked
/// against the notices 国办发明电〔2024〕12号 and 〔2025〕7号). Later years are imported per hall.
/// </summary>
public static class OfficialSchedules
{
    private static readonly Lazy<IReadOnlyDictionary<int, Schedule>> Years = new(Load);

    public sealed record Schedule(int Year, string Source, IReadOnlyList<CalendarEntry> Days);

    public static IReadOnlyDictionary<int, Schedule> All => Years.Value;

    public static Schedule? For(int year) => Years.Value.GetValueOrDefault(year);

    private static IReadOnlyDictionary<int, Schedule> Load()
    {
        using var stream = typeof(OfficialSchedules).Assembly
            .GetManifestResourceStream("ServiceHall.Core.Features.Calendar.official-schedules.json")
            ?? throw new InvalidOperationException("The official schedules are not embedded in the assembly.");
        var documents = JsonSerializer.Deserialize<List<CalendarImportDocument>>(stream, CalendarImport.Json)
            ?? throw new InvalidOperationException("The official schedules are empty.");
        return documents.ToDictionary(d => d.Year,
            d => new Schedule(d.Year, d.Source ?? "", CalendarImport.ParseJson(d.Year, d)));
    }
}
