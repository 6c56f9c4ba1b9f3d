using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Dashboard;

/// <summary>Issue 16: the live dashboard in English names its hall, queues (with Q5's advice), alerts and counters in English.</summary>
public abstract class DashboardEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task Dashboard_InEnglish_EnglishNames_ChineseByDefault()
    {
        var hall = await EnglishNamed.NameAsync(app, await TestHall.CreateAsync(app, maxWaiting: 5));
        await app.Api(hall.Staff[0]).OpenAsync(hall.Counters[0]);
        var kiosk = app.Api(hall.Kiosk);
        for (var i = 0; i < 14; i++)
            await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hall.Id, CancellationToken.None);
        var supervisor = app.Api(hall.Supervisor);

        var dashboard = await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/dashboard", "en");
        Assert.Equal(EnglishNamed.Hall, dashboard["hallName"]!.GetValue<string>());
        var a = ItemA(dashboard, hall);
        // The queue's row and Q5's advice line ("A Errand A: 14 waiting, 1 counter open — open 6 more") name it the same.
        Assert.Equal(EnglishNamed.Item("A"), a["queue"]!["name"]!.GetValue<string>());
        Assert.NotNull(a["advice"]);
        var alert = dashboard["alerts"]!.AsArray().First(x => x!["alert"]!["kind"]!.GetValue<string>() == "queueTooLong")!;
        Assert.Equal(EnglishNamed.Item("A"), alert["serviceItemName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Counter(1), Counter(dashboard, hall.Counters[0])["name"]!.GetValue<string>());

        var chinese = await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/dashboard", "zh-CN");
        Assert.StartsWith("测试大厅", chinese["hallName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.ItemZh("A"), ItemA(chinese, hall)["queue"]!["name"]!.GetValue<string>());
        Assert.Equal("1号窗口", Counter(chinese, hall.Counters[0])["name"]!.GetValue<string>());
    }

    private static JsonNode ItemA(JsonNode dashboard, TestHall hall) =>
        dashboard["items"]!.AsArray().Single(i => i!["queue"]!["serviceItemId"]!.GetValue<Guid>() == hall.Item("A"))!;

    private static JsonNode Counter(JsonNode dashboard, Guid id) =>
        dashboard["counters"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == id)!;
}

public sealed class SqliteDashboardEnglishNamesTests(SqliteHallApp app) : DashboardEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDashboardEnglishNamesTests(PostgresHallApp app) : DashboardEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
