using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.IntegrationTests.Localization;
using ServiceHall.Web.Localization;

namespace ServiceHall.IntegrationTests.Features.Staffing;

/// <summary>The public formula: signed-in people get Erlang C; bad parameters are problem details in the request's language.</summary>
public abstract class ErlangCEndpointTests(HallApp app)
{
    private const string Url = "/api/staffing/erlang-c";

    [Fact]
    public async Task ErlangC_TenErlangs_FourteenCountersWithTheirFigures()
    {
        var hall = await TestHall.CreateAsync(app);
        var answer = await app.Api(hall.Staff[0]).GetOkAsync<JsonObject>($"{Url}?arrivalsPerHour=200&serviceMinutes=3&targetWaitMinutes=0.3333333&serviceLevel=0.8");
        Assert.Equal(14, answer["counters"]!.GetValue<int>());
        Assert.Equal(0.1741, answer["waitingProbability"]!.GetValue<double>());
        Assert.Equal(0.8884, answer["serviceLevel"]!.GetValue<double>());
        Assert.Equal(0.13, answer["averageWaitMinutes"]!.GetValue<double>());
        Assert.Equal(0.7143, answer["occupancy"]!.GetValue<double>());
        Assert.Equal(5, answer.Count);
        await app.Api("admin").GetOkAsync<JsonObject>($"{Url}?arrivalsPerHour=60&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0.8");
    }

    [Fact]
    public async Task ErlangC_Anonymous_Unauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Api().GetAsync($"{Url}?arrivalsPerHour=60&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0.8")).StatusCode);

    [Theory]
    [InlineData("serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0.8", "Required", "每小时到达人数", "Arrivals per hour")]
    [InlineData("arrivalsPerHour=0&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0.8", "AboveZeroUpTo", "每小时到达人数", "Arrivals per hour")]
    [InlineData("arrivalsPerHour=60&serviceMinutes=-5&targetWaitMinutes=10&serviceLevel=0.8", "AboveZeroUpTo", "平均服务时长", "Average service minutes")]
    [InlineData("arrivalsPerHour=60&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=1", "StrictlyBetween", "服务水平", "Service level")]
    [InlineData("arrivalsPerHour=60&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0", "StrictlyBetween", "服务水平", "Service level")]
    [InlineData("arrivalsPerHour=60&serviceMinutes=5&targetWaitMinutes=1e300&serviceLevel=0.8", "AboveZeroUpTo", "目标等候时间", "Target wait")]
    [InlineData("arrivalsPerHour=90000&serviceMinutes=400&targetWaitMinutes=10&serviceLevel=0.8", "LoadTooLarge", "窗口", "counters")]
    public async Task ErlangC_BadParameter_ProblemInBothLanguages(string query, string code, string chinese, string english)
    {
        var hall = await TestHall.CreateAsync(app);
        var api = app.Api(hall.Supervisor);
        var zh = await Expect.ProblemAsync(await api.GetAsync($"{Url}?{query}"), HttpStatusCode.BadRequest, code);
        Assert.Contains(chinese, zh["detail"]!.GetValue<string>());
        var en = await Expect.ProblemAsync(await api.GetAsync($"{Url}?{query}", "en"), HttpStatusCode.BadRequest, code);
        Assert.Contains(english, en["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ErlangC_NotANumber_BadRequest()
    {
        var hall = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).GetAsync($"{Url}?arrivalsPerHour=many&serviceMinutes=5&targetWaitMinutes=10&serviceLevel=0.8"),
            HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteErlangCEndpointTests(SqliteHallApp app) : ErlangCEndpointTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresErlangCEndpointTests(PostgresHallApp app) : ErlangCEndpointTests(app), IClassFixture<PostgresHallApp>;

/// <summary>The staffing pages' strings exist in Chinese and English alike.</summary>
public sealed class StaffingResourceTests
{
    [Fact]
    public void StaffingResource_SameKeysInChineseAndEnglish() =>
        new PageResourceTests().Resource_SameKeysInChineseAndEnglish(nameof(StaffingResource));
}
