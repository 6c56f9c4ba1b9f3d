using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>Issue 16: English names of halls, departments, items, counters and the notice line, set in /admin, read in English.</summary>
public abstract class EnglishNamesTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    [Fact]
    public async Task SetEnglishNames_ReadInEnglishThroughTheApi_ChineseOtherwise_FallbackWhereNone()
    {
        var hall = await TestHall.CreateAsync(app);
        var names = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/english-names");
        var department = names["departments"]![0]!["id"]!.GetValue<Guid>();
        var counter = names["counters"]![0]!["id"]!.GetValue<Guid>();
        await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/english-names", new
        {
            hallName = "Test Centre",
            departments = new[] { new { id = department, nameEn = "General" } },
            items = new[] { new { id = hall.Item("A"), nameEn = "Business licence" } },
            counters = new[] { new { id = counter, nameEn = "Window 1" } },
        });

        var anonymous = app.Api();
        var halls = await Json(await anonymous.GetAsync("/api/halls", "en"));
        Assert.Equal("Test Centre", halls.AsArray().Single(h => h!["id"]!.GetValue<Guid>() == hall.Id)!["name"]!.GetValue<string>());
        var items = (await Json(await anonymous.GetAsync($"/api/halls/{hall.Id}/service-items", "en"))).AsArray();
        var a = items.Single(i => i!["prefix"]!.GetValue<string>() == "A")!;
        Assert.Equal(("Business licence", "General"), (a["name"]!.GetValue<string>(), a["departmentName"]!.GetValue<string>()));
        // An item without an English name keeps its Chinese one on English pages.
        Assert.Equal("事项 B", items.Single(i => i!["prefix"]!.GetValue<string>() == "B")!["name"]!.GetValue<string>());
        var counters = (await Json(await anonymous.GetAsync($"/api/halls/{hall.Id}/counters", "en"))).AsArray();
        Assert.Equal("Window 1", counters.Single(c => c!["id"]!.GetValue<Guid>() == counter)!["name"]!.GetValue<string>());

        // Chinese (the default) is unchanged.
        var zhItems = (await Json(await anonymous.GetAsync($"/api/halls/{hall.Id}/service-items", "zh-CN"))).AsArray();
        Assert.Equal("事项 A", zhItems.Single(i => i!["prefix"]!.GetValue<string>() == "A")!["name"]!.GetValue<string>());
        var zhHalls = await Json(await anonymous.GetAsync("/api/halls"));
        Assert.StartsWith("测试大厅", zhHalls.AsArray().Single(h => h!["id"]!.GetValue<Guid>() == hall.Id)!["name"]!.GetValue<string>());

        // A name given empty is cleared; left out, kept.
        var cleared = await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/english-names",
            new { items = new[] { new { id = hall.Item("A"), nameEn = "" } } });
        Assert.Null(cleared["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == hall.Item("A"))!["nameEn"]?.GetValue<string>());
        Assert.Equal("Test Centre", cleared["nameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetEnglishNames_ARowOfAnotherHall_RefusedAndNothingWritten()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var response = await Admin.PutAsync($"/api/admin/halls/{hall.Id}/english-names", new
        {
            hallName = "Changed",
            items = new[] { new { id = other.Item("A"), nameEn = "Stolen" } },
        });
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "NameRowUnknown");
        var names = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/english-names");
        Assert.Null(names["nameEn"]?.GetValue<string>());
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/halls/{hall.Id}/english-names", new { hallName = new string('x', 101) }),
            HttpStatusCode.BadRequest, "TooLong");
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).PutAsync($"/api/admin/halls/{hall.Id}/english-names", new { hallName = "x" }),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoHospital_FromItsTemplate_HasEnglishNames()
    {
        var halls = (await Json(await app.Api().GetAsync("/api/halls", "en"))).AsArray();
        var hospital = halls.Single(h => h!["kind"]!.GetValue<string>() == "hospital" && h["name"]!.GetValue<string>() == "Binjiang Hospital")!;
        var items = (await Json(await app.Api().GetAsync($"/api/halls/{hospital["id"]}/service-items", "en"))).AsArray();
        Assert.Contains(items, i => i!["name"]!.GetValue<string>() == "Collect medicine" && i["departmentName"]!.GetValue<string>() == "Outpatient pharmacy");
        var counters = (await Json(await app.Api().GetAsync($"/api/halls/{hospital["id"]}/counters", "en"))).AsArray();
        Assert.Contains(counters, c => c!["name"]!.GetValue<string>() == "Counter 3");
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}

public sealed class SqliteEnglishNamesTests(SqliteHallApp app) : EnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresEnglishNamesTests(PostgresHallApp app) : EnglishNamesTests(app), IClassFixture<PostgresHallApp>;
