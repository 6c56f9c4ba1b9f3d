using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Cases;

/// <summary>M4 不予受理 speaks for the hall: staff refuse only the cases they hold, supervisors any case of their hall.</summary>
public abstract class RefuseCaseTests(HallApp app)
{
    private static readonly object Refusal = new { reason = "不属于本机关职权范围", basis = "《行政许可法》第三十二条" };

    [Fact]
    public async Task Colleague_RefusesNoCaseTheyDoNotHold_SupervisorOfTheHallDoes()
    {
        var served = await CaseFlowTests.ServeAsync(app);
        var registered = await CaseFlowTests.RegisterAsync(served);
        var url = $"/api/cases/{registered["id"]}/refuse";

        await Expect.ProblemAsync(await app.Api(served.Hall.Staff[1]).PostAsync(url, Refusal), HttpStatusCode.Forbidden, "CaseNotYours");
        var other = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).PostAsync(url, Refusal), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal("registered", (await served.Staff.GetOkAsync<JsonObject>($"/api/cases/{registered["id"]}"))["status"]!.GetValue<string>());

        var refused = await app.Api(served.Hall.Supervisor).PostOkAsync<JsonObject>(url, Refusal);
        Assert.Equal("refused", refused["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Holder_RefusesTheirOwnCase()
    {
        var served = await CaseFlowTests.ServeAsync(app);
        var registered = await CaseFlowTests.RegisterAsync(served);
        var refused = await served.Staff.PostOkAsync<JsonObject>($"/api/cases/{registered["id"]}/refuse", Refusal);
        Assert.Equal("refused", refused["status"]!.GetValue<string>());
    }
}

public sealed class SqliteRefuseCaseTests(SqliteHallApp app) : RefuseCaseTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRefuseCaseTests(PostgresHallApp app) : RefuseCaseTests(app), IClassFixture<PostgresHallApp>;
