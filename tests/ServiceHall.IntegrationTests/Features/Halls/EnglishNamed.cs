using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>
/// A test hall given English names (issue 16): the hall "Test Centre", its department "General affairs", item A "Errand A"
/// (each item its prefix), counter n "Window n". The Chinese names stay those of <see cref="TestHall"/> (事项 A, 综合, n号窗口).
/// </summary>
public static class EnglishNamed
{
    public const string Hall = "Test Centre";
    public const string Department = "General affairs";
    public const string DepartmentZh = "综合";

    public static string Item(string prefix) => $"Errand {prefix}";

    public static string ItemZh(string prefix) => $"事项 {prefix}";

    public static string Counter(int number) => $"Window {number}";

    public static async Task<TestHall> NameAsync(HallApp app, TestHall hall)
    {
        await app.WithDbAsync(async db =>
        {
            await db.Halls.Where(h => h.Id == hall.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.NameEn, Hall));
            await db.Departments.Where(d => d.HallId == hall.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NameEn, Department));
            foreach (var (prefix, id) in hall.Items)
                await db.ServiceItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.NameEn, Item(prefix)));
            // TestHall numbers its counters 1, 2, … in the order it lists them.
            for (var n = 1; n <= hall.Counters.Count; n++)
            {
                var id = hall.Counters[n - 1];
                var name = Counter(n);
                await db.Counters.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NameEn, name));
            }
        });
        return hall;
    }

    /// <summary>Every string value in a JSON answer (the serializer escapes Chinese, so the raw text cannot be searched for it).</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>An English answer names the test hall's item A, department and counter 1 in English and none of them in Chinese.</summary>
    public static void AssertNoChineseNames(JsonNode answer)
    {
        var strings = Strings(answer).ToList();
        Assert.DoesNotContain(strings, s => s.Contains(ItemZh("A"), StringComparison.Ordinal) || s == DepartmentZh || s.StartsWith("测试大厅", StringComparison.Ordinal)
            || s.Contains("号窗口", StringComparison.Ordinal));
    }

    /// <summary>A GET in a language, answered 200, as JSON.</summary>
    public static async Task<JsonNode> GetJsonAsync(this ApiClient api, string url, string language)
    {
        var response = await api.GetAsync(url, language);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
