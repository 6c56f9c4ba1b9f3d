using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Guides;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>
/// What no request may carry, on any route: an empty entry in a list, a control character, text over its
/// limit, a date outside 2000–2099. Each is refused with problem details in the request's language and
/// nothing is written.
/// </summary>
public abstract class BadInputTests(HallApp app)
{
    [Fact]
    public async Task NullInsideGuideLists_400NotServerError()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = await app.Api("admin").SignInAsync();
        var url = $"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide";

        var questions = With(ServiceGuideTests.Guide(), "questions", new JsonArray(null, new JsonObject { ["question"] = "可以代办吗？" }));
        var problem = await Expect.ProblemAsync(await admin.PutAsync(url, questions), HttpStatusCode.BadRequest, "NullInList");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("questions"));
        Assert.Contains("常见问题", problem["detail"]!.GetValue<string>());

        var materials = With(ServiceGuideTests.Guide(), "materials", new JsonArray((JsonNode?)null));
        problem = await Expect.ProblemAsync(await admin.PutAsync(url, materials, "en"), HttpStatusCode.BadRequest, "NullInList");
        Assert.EndsWith("has an empty entry.", problem["detail"]!.GetValue<string>());

        // Nothing was written: the item still has no guide.
        var guide = await app.Api().GetOkAsync<JsonObject>(url);
        Assert.False(guide["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NullInsideCalendarImportDays_400NotServerError()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        var response = await admin.PostAsync($"/api/halls/{hall.Id}/calendar/2027/import",
            new { year = 2027, source = "国办发明电", days = new object?[] { new { date = "2027-03-03", kind = "dayOff", name = "测试" }, null } });
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "NullInList");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("days"));
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2027");
        Assert.DoesNotContain("2027-03-03", year["daysOff"]!.ToJsonString());
    }

    [Fact]
    public async Task ControlCharacters_RefusedInBodiesAndQueries_LineBreaksOnlyInMultiLineFields()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/open");

        var problem = await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/pause", new { reason = "临时\0离开" }),
            HttpStatusCode.BadRequest, "ControlCharacter");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("reason"));
        await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/pause", new { reason = "临时\u0085离开" }),
            HttpStatusCode.BadRequest, "ControlCharacter");
        // A reason is one line.
        await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/pause", new { reason = "临时\n离开" }),
            HttpStatusCode.BadRequest, "ControlCharacter");
        var counters = await staff.GetOkAsync<JsonNode>($"/api/halls/{hall.Id}/counters");
        Assert.DoesNotContain("\"paused\"", counters.ToJsonString());

        await Expect.ProblemAsync(await app.Api().PostAsync("/api/auth/login", new { userName = "admin\0", password = "x" }),
            HttpStatusCode.BadRequest, "ControlCharacter");
        await Expect.ProblemAsync(await app.Api().GetAsync("/api/i18n/public?lang=en%00"), HttpStatusCode.BadRequest, "ControlCharacter");

        // A complaint's content may have several lines, but no other control character.
        var citizen = app.Api();
        var online = $"/api/halls/{hall.Id}/complaints/online";
        await Expect.StatusAsync(await citizen.PostAsync(online,
            new { title = "窗口人员态度差", content = "第一行。\r\n第二行：\t说“这不归我管”。", anonymous = true, subject = "hall" }), HttpStatusCode.Created);
        await Expect.ProblemAsync(await citizen.PostAsync(online,
            new { title = "窗口人员态度差", content = "第一行。\u001b[2J", anonymous = true, subject = "hall" }), HttpStatusCode.BadRequest, "ControlCharacter");
        await Expect.ProblemAsync(await citizen.PostAsync(online,
            new { title = "窗口\n人员态度差", content = "内容", anonymous = true, subject = "hall" }), HttpStatusCode.BadRequest, "ControlCharacter");
    }

    [Fact]
    public async Task DatesOutsideTheCalendarYears_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var problem = await Expect.ProblemAsync(await staff.PostAsync("/api/gifts",
                new { giver = "办事群众", description = "茶叶一盒", estimatedValue = 50, receivedOn = "0001-01-01" }, "en"),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        Assert.Contains("2000-01-01", problem["detail"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("receivedOn"));
        await Expect.ProblemAsync(await staff.PostAsync("/api/gifts",
            new { giver = "办事群众", description = "茶叶一盒", estimatedValue = 50, receivedOn = "2100-01-01" }), HttpStatusCode.BadRequest, "DateOutOfRange");
        var gifts = await app.Api(hall.Supervisor).GetOkAsync<JsonNode>($"/api/halls/{hall.Id}/gifts");
        Assert.DoesNotContain("茶叶一盒", gifts.ToJsonString());

        var supervisor = app.Api(hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/halls/{hall.Id}/attendance/leave",
            new { userId = Guid.NewGuid(), from = "0001-01-01", to = "2026-11-24", kind = "annual", reason = "年假" }),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        // Query values too.
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{hall.Id}/gifts?from=0001-01-01"), HttpStatusCode.BadRequest, "DateOutOfRange");
    }

    [Fact]
    public async Task OverLongText_RefusedOnEveryKindOfRoute()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        await staff.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/open");
        var problem = await Expect.ProblemAsync(await staff.PostAsync($"/api/counters/{hall.Counters[0]}/pause",
            new { reason = new string('离', 201) }), HttpStatusCode.BadRequest, "TooLong");
        Assert.Contains("200", problem["detail"]!.GetValue<string>());

        await Expect.ProblemAsync(await app.Api().PostAsync("/api/auth/login", new { userName = new string('a', 201), password = "x" }),
            HttpStatusCode.BadRequest, "TooLong");

        var admin = await app.Api("admin").SignInAsync();
        var guideUrl = $"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide";
        var steps = With(ServiceGuideTests.Guide(), "processSteps", new JsonArray("提交材料", new string('审', 501)));
        problem = await Expect.ProblemAsync(await admin.PutAsync(guideUrl, steps), HttpStatusCode.BadRequest, "TooLong");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("processSteps[1]"));
        var answer = With(ServiceGuideTests.Guide(), "questions",
            new JsonArray(new JsonObject { ["question"] = "可以代办吗？", ["answer"] = new string('可', 2001) }));
        problem = await Expect.ProblemAsync(await admin.PutAsync(guideUrl, answer), HttpStatusCode.BadRequest, "TooLong");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("questions[0].answer"));
        // A long multi-line field within its limit is accepted.
        var legal = With(ServiceGuideTests.Guide(), "legalBasis", string.Join("\n", Enumerable.Repeat(new string('法', 99), 20)));
        await Expect.StatusAsync(await admin.PutAsync(guideUrl, legal), HttpStatusCode.OK);

        await Expect.ProblemAsync(await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "态度差", content = new string('差', 2001), anonymous = true, subject = "hall" }), HttpStatusCode.BadRequest, "TooLong");
        await Expect.ProblemAsync(await app.Api().GetAsync($"/api/i18n/public?lang={new string('e', 201)}"), HttpStatusCode.BadRequest, "TooLong");
    }

    private static JsonObject With(object body, string field, JsonNode? value)
    {
        var json = JsonSerializer.SerializeToNode(body, ApiClient.Json)!.AsObject();
        json[field] = value;
        return json;
    }
}

public sealed class SqliteBadInputTests(SqliteHallApp app) : BadInputTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresBadInputTests(PostgresHallApp app) : BadInputTests(app), IClassFixture<PostgresHallApp>;
