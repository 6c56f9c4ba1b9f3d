using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Statistics;

/// <summary>
/// Issue 16: 统计分析 in English — 好差评 figures by item, department, counter and hall, complaints by subject, the alert history
/// and its export, the ticket lookup — names the hall's item, department and counter in English.
/// </summary>
public abstract class StatisticsEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task Statistics_InEnglish_EnglishNames()
    {
        var hall = await EnglishNamed.NameAsync(app, await TestHall.CreateAsync(app, maxWaiting: 1, configure: h => h.UnstaffedGraceMinutes = 24 * 60));
        var served = await FinishedTicketAsync(app, hall);
        await app.Api().PostOkAsync<JsonObject>(await RatingUrlAsync(app, served.Id), new { level = "verySatisfied" });
        await JsonAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel = "phone", title = "排队太久", content = "来电反映", anonymous = true, subject = "serviceItem", serviceItemId = hall.Item("A"),
            category = "efficiency",
        }), HttpStatusCode.Created);
        var kiosk = app.Api(hall.Kiosk);
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await ScanQueueAlertsAsync(app, hall.Id);
        var supervisor = app.Api(hall.Supervisor);
        var day = Iso(app.Today);

        foreach (var (by, name) in new[] { ("item", EnglishNamed.Item("A")), ("department", EnglishNamed.Department), ("counter", EnglishNamed.Counter(1)),
                     ("hall", EnglishNamed.Hall) })
        {
            var figures = (await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/ratings/figures?from={day}&to={day}&by={by}", "en")).AsArray();
            Assert.Equal(name, Assert.Single(figures)!["name"]!.GetValue<string>());
        }
        var complaints = await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/statistics/complaints?from={day}&to={day}", "en");
        Assert.Contains(EnglishNamed.Item("A"), EnglishNamed.Strings(complaints));
        EnglishNamed.AssertNoChineseNames(complaints);

        var alerts = await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/statistics/alerts?from={day}&to={day}&kind=queueTooLong", "en");
        Assert.Contains(EnglishNamed.Item("A"), EnglishNamed.Strings(alerts));
        EnglishNamed.AssertNoChineseNames(alerts);
        var export = await supervisor.GetAsync($"/api/halls/{hall.Id}/statistics/alerts/export?from={day}&to={day}&kind=queueTooLong", "en");
        await Expect.StatusAsync(export, HttpStatusCode.OK);
        Assert.Equal(EnglishNamed.Item("A"), (await XlsxReader.ReadAsync(await export.Content.ReadAsStreamAsync())).Sheet(1).Text(2, 2));

        var lookup = await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/statistics/tickets?number={served.Number}&day={day}", "en");
        Assert.Equal([EnglishNamed.Item("A")], lookup["tickets"]!.AsArray().Select(t => t!["serviceItemName"]!.GetValue<string>()));
        EnglishNamed.AssertNoChineseNames(lookup);

        // Chinese, the default, is unchanged.
        var zh = (await supervisor.GetJsonAsync($"/api/halls/{hall.Id}/ratings/figures?from={day}&to={day}&by=item", "zh-CN")).AsArray();
        Assert.Equal(EnglishNamed.ItemZh("A"), Assert.Single(zh)!["name"]!.GetValue<string>());
    }
}

public sealed class SqliteStatisticsEnglishNamesTests(SqliteHallApp app) : StatisticsEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStatisticsEnglishNamesTests(PostgresHallApp app) : StatisticsEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
