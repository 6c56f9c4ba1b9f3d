using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Cases;

/// <summary>
/// Issue 16: cases in English — the case, the hall's case list, the counter's case panel, the printed receipt and the overdue
/// cases per department — name the item, department and hall in English.
/// </summary>
public abstract class CasesEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task Cases_InEnglish_EnglishNames_ChineseByDefault()
    {
        var s = await CaseFlowTests.ServeAsync(app, Guides.ServiceGuideTests.Guide(promisedDays: 1));
        await EnglishNamed.NameAsync(app, s.Hall);
        var registered = await CaseFlowTests.RegisterAsync(s, s.Materials[0], s.Materials[1]);
        var caseId = registered["id"]!.GetValue<Guid>();
        var accepted = await s.Staff.PostOkAsync<JsonObject>($"/api/cases/{caseId}/accept", new { });

        var one = await s.Staff.GetJsonAsync($"/api/cases/{caseId}", "en");
        Assert.Equal((EnglishNamed.Item("A"), EnglishNamed.Department), (one["itemName"]!.GetValue<string>(), one["departmentName"]!.GetValue<string>()));
        var list = (await s.Staff.GetJsonAsync($"/api/halls/{s.Hall.Id}/cases", "en")).AsArray();
        Assert.Equal(EnglishNamed.Item("A"), Assert.Single(list)!["itemName"]!.GetValue<string>());
        var panel = await s.Staff.GetJsonAsync($"/api/halls/{s.Hall.Id}/counter-deadlines", "en");
        Assert.Equal(EnglishNamed.Item("A"), Assert.Single(panel["ticketCases"]!.AsArray())!["itemName"]!.GetValue<string>());
        var receipt = await s.Staff.GetAsync($"/cases/{caseId}/receipt?lang=en");
        await Expect.StatusAsync(receipt, HttpStatusCode.OK);
        var html = await receipt.Content.ReadAsStringAsync();
        Assert.Contains(EnglishNamed.Item("A"), html);
        Assert.Contains(EnglishNamed.Hall, html);
        Assert.DoesNotContain(EnglishNamed.ItemZh("A"), html);

        // Past the due day: the overdue cases per department.
        var due = DateOnly.Parse(accepted["dueDate"]!.GetValue<string>());
        while (app.Today <= due)
            app.Clock.Advance(TimeSpan.FromDays(1));
        var supervisor = app.Api(s.Hall.Supervisor);
        var department = Assert.Single((await supervisor.GetJsonAsync($"/api/halls/{s.Hall.Id}/overdue-cases", "en")).AsArray())!;
        Assert.Equal(EnglishNamed.Department, department["departmentName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Item("A"), Assert.Single(department["cases"]!.AsArray())!["itemName"]!.GetValue<string>());
        var chinese = Assert.Single((await supervisor.GetJsonAsync($"/api/halls/{s.Hall.Id}/overdue-cases", "zh-CN")).AsArray())!;
        Assert.Equal((EnglishNamed.DepartmentZh, EnglishNamed.ItemZh("A")),
            (chinese["departmentName"]!.GetValue<string>(), chinese["cases"]![0]!["itemName"]!.GetValue<string>()));
    }
}

public sealed class SqliteCasesEnglishNamesTests(SqliteHallApp app) : CasesEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCasesEnglishNamesTests(PostgresHallApp app) : CasesEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
