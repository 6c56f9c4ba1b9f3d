using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Assessment.AssessmentMonth;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// Issue 16: the monthly assessment in English — scores, drill-down, export, the department's printed report and the published
/// ranking (公示) — names the hall, departments, counters and items in English; a month closed from an English page keeps the
/// Chinese names for Chinese readers.
/// </summary>
public abstract class AssessmentEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task Assessment_InEnglish_EnglishNames_ClosedMonthStillChineseInChinese()
    {
        var m = await CreateAsync(app);
        await EnglishNamed.NameAsync(app, m.Hall);
        await app.WithDbAsync(db => db.Counters.Where(c => c.Id == m.Hall.Counters[0])
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DepartmentId, m.Department)));
        var supervisor = app.Api(m.Hall.Supervisor);
        var url = $"/api/halls/{m.Hall.Id}/assessment";

        var counters = await supervisor.GetJsonAsync($"{url}?{Query}&scope=counter", "en");
        Assert.Equal(EnglishNamed.Hall, counters["hallName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Counter(1), Row(counters, m.Hall.Counters[0])["name"]!.GetValue<string>());
        var departments = await supervisor.GetJsonAsync($"{url}?{Query}&scope=department", "en");
        Assert.Equal(EnglishNamed.Department, Row(departments, m.Department)["name"]!.GetValue<string>());
        var records = (await supervisor.GetJsonAsync($"{url}/records?{Query}&scope=counter&unitId={m.Hall.Counters[0]}&indicator=serviceTime", "en")).AsArray();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(EnglishNamed.Item("A"), r!["item"]!.GetValue<string>()));

        var export = await supervisor.GetAsync($"{url}/export?{Query}&scope=counter", "en");
        await Expect.StatusAsync(export, HttpStatusCode.OK);
        var sheet = (await XlsxReader.ReadAsync(await export.Content.ReadAsStreamAsync())).Sheet(1);
        var names = Enumerable.Range(2, sheet.RowCount - 1).Select(r => sheet.Text(r, 2)).ToList();
        Assert.Equal([EnglishNamed.Counter(1), EnglishNamed.Counter(2)], names.Order());

        var report = await (await supervisor.GetAsync($"/supervision/assessment/report?hallId={m.Hall.Id}&{Query}&departmentId={m.Department}&lang=en"))
            .Content.ReadAsStringAsync();
        Assert.Contains(EnglishNamed.Hall, report);
        Assert.Contains(EnglishNamed.Department, report);
        Assert.Contains(EnglishNamed.Counter(1), report);
        Assert.DoesNotContain("1号窗口", report);

        // Closed and published from an English page: the English ranking names the counters in English, the Chinese one in Chinese.
        await Expect.StatusAsync(await supervisor.PostAsync($"{url}/months/2026/10/close", null, "en"), HttpStatusCode.OK);
        await Expect.StatusAsync(await supervisor.PostAsync($"{url}/months/2026/10/publication", new { published = true }, "en"), HttpStatusCode.OK);
        var ranking = await app.Api().GetJsonAsync($"/api/halls/{m.Hall.Id}/assessment-ranking?{Query}&scope=counter", "en");
        Assert.Equal(EnglishNamed.Hall, ranking["hallName"]!.GetValue<string>());
        Assert.Equal([EnglishNamed.Counter(1), EnglishNamed.Counter(2)], ranking["rows"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order());
        var chinese = await app.Api().GetJsonAsync($"/api/halls/{m.Hall.Id}/assessment-ranking?{Query}&scope=counter", "zh-CN");
        Assert.Equal(["1号窗口", "2号窗口"], chinese["rows"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order());
        Assert.Equal(EnglishNamed.Counter(1), Row(await supervisor.GetJsonAsync($"{url}?{Query}&scope=counter", "en"), m.Hall.Counters[0])["name"]!.GetValue<string>());
        var notice = await (await app.Api().GetAsync($"/assessment/ranking/{m.Hall.Id}/2026/10?scope=counter&lang=en")).Content.ReadAsStringAsync();
        Assert.Contains(EnglishNamed.Hall, notice);
        Assert.Contains(EnglishNamed.Counter(2), notice);
    }

    private static JsonNode Row(JsonNode report, Guid unit) =>
        report["rows"]!.AsArray().Single(r => r!["unitId"]!.GetValue<Guid>() == unit)!;
}

public sealed class SqliteAssessmentEnglishNamesTests(SqliteHallApp app) : AssessmentEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAssessmentEnglishNamesTests(PostgresHallApp app) : AssessmentEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
