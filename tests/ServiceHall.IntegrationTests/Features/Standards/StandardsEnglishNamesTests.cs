using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Standards;

/// <summary>Issue 16: 达标监察 in English — the verdict's units, the halls' ranking and the cards name halls, departments and counters in English.</summary>
public abstract class StandardsEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task StandardsReportRankingAndCards_InEnglish_EnglishNames_ChineseByDefault()
    {
        var hall = await EnglishNamed.NameAsync(app, await TestHall.CreateAsync(app, counters: 1,
            configure: h => h.UnstaffedGraceMinutes = 24 * 60));
        await StandardCardSeed.AddAsync(app, hall.Id, hall.Counters[0], await TestHall.UserIdAsync(app, hall.Staff[0]));
        var supervisor = app.Api(hall.Supervisor);
        var standards = $"/api/halls/{hall.Id}/standards?period=month";

        var byHall = await supervisor.GetJsonAsync($"{standards}&scope=hall", "en");
        Assert.Equal(EnglishNamed.Hall, byHall["hallName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Hall, Unit(byHall)["name"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Department, Unit(await supervisor.GetJsonAsync($"{standards}&scope=department", "en"))["name"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Counter(1), Unit(await supervisor.GetJsonAsync($"{standards}&scope=counter", "en"))["name"]!.GetValue<string>());

        var ranking = await supervisor.GetJsonAsync("/api/standards/halls?period=month", "en");
        Assert.Equal(EnglishNamed.Hall, ranking["halls"]!.AsArray().Single(h => h!["hallId"]!.GetValue<Guid>() == hall.Id)!["hallName"]!.GetValue<string>());

        var cards = (await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/standard-cards", "en")).AsArray();
        Assert.Equal(EnglishNamed.Counter(1), Assert.Single(cards)!["unitName"]!.GetValue<string>());
        var mine = (await app.Api(hall.Staff[0]).GetJsonAsync("/api/standard-cards/mine", "en")).AsArray();
        Assert.Equal(EnglishNamed.Counter(1), Assert.Single(mine)!["unitName"]!.GetValue<string>());

        // Chinese, the default, is unchanged.
        Assert.Equal(EnglishNamed.DepartmentZh, Unit(await supervisor.GetJsonAsync($"{standards}&scope=department", "zh-CN"))["name"]!.GetValue<string>());
        Assert.Equal("1号窗口", Assert.Single((await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/standard-cards", "zh-CN")).AsArray())!["unitName"]!.GetValue<string>());
    }

    private static JsonNode Unit(JsonNode report) => Assert.Single(report["units"]!.AsArray())!;
}

public sealed class SqliteStandardsEnglishNamesTests(SqliteHallApp app) : StandardsEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStandardsEnglishNamesTests(PostgresHallApp app) : StandardsEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
