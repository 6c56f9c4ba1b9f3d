using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Statistics;

/// <summary>S2 summarised: GET /api/halls/{hallId}/statistics/complaints — breakdowns, 热点 with their trend, personal data masked.</summary>
public abstract class ComplaintStatisticsTests(HallApp app)
{
    private static JsonObject Count(JsonObject stats, string breakdown, string key) =>
        stats[breakdown]!.AsArray().Select(c => c!.AsObject()).Single(c => c.Str("key") == key);

    private static async Task<string> RegisterAsync(ApiClient staff, TestHall hall, string channel, string category, string subject,
        Guid? counterId = null, Guid? staffUserId = null, Guid? serviceItemId = null, string? name = null, string? phone = null)
    {
        var receipt = await JsonAsync(await staff.PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel, title = $"{category} {subject}", content = "情况说明", anonymous = name is null, complainantName = name, contactPhone = phone,
            subject, counterId, staffUserId, serviceItemId, category,
        }), HttpStatusCode.Created);
        return receipt.Str("id");
    }

    [Fact]
    public async Task ScriptedComplaints_CountedByDimension_HotspotsWithTrend()
    {
        var hall = await TestHall.CreateAsync(app);
        var staff = app.Api(hall.Staff[0]);
        var supervisor = app.Api(hall.Supervisor);
        var clerk = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var other = await TestHall.UserIdAsync(app, hall.Staff[1]);
        var itemA = hall.Item("A");

        // The period before: a week of four complaints.
        var before = app.Today;
        await RegisterAsync(staff, hall, "onSite", "attitude", "staff", staffUserId: other);
        await RegisterAsync(staff, hall, "phone", "efficiency", "serviceItem", serviceItemId: itemA);
        await RegisterAsync(staff, hall, "phone", "efficiency", "serviceItem", serviceItemId: itemA);
        await RegisterAsync(staff, hall, "suggestionBox", "facilities", "hall");

        // This period, a week later: attitude of one clerk recurs; one online complaint classified when assigned; one duplicate.
        app.Clock.Advance(TimeSpan.FromDays(7));
        var from = app.Today;
        var first = await RegisterAsync(staff, hall, "phone", "attitude", "staff", staffUserId: other);
        await RegisterAsync(staff, hall, "onSite", "attitude", "staff", staffUserId: other);
        await RegisterAsync(staff, hall, "onSite", "attitude", "counter", counterId: hall.Counters[0]);
        await RegisterAsync(staff, hall, "phone", "efficiency", "serviceItem", serviceItemId: itemA, name: "张三丰", phone: "13812345678");
        await RegisterAsync(staff, hall, "onSite", "efficiency", "serviceItem", serviceItemId: itemA);
        var online = await JsonAsync(await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "大厅太冷", content = "空调温度太低", anonymous = true, subject = "hall" }), HttpStatusCode.Created);
        Assert.Equal("other", (await supervisor.GetOkAsync<JsonObject>($"/api/complaints/{online.Str("id")}")).Str("category"));
        var assigned = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{online.Str("id")}/assign",
            new { assigneeUserId = clerk, category = "facilities" });
        Assert.Equal("facilities", assigned.Str("category"));
        var duplicate = await RegisterAsync(staff, hall, "phone", "attitude", "staff", staffUserId: other);
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{duplicate}/mark",
            new { disposition = "duplicate", reason = "同一投诉人再次来电", duplicateOfId = first });

        var url = $"/api/halls/{hall.Id}/statistics/complaints?from={Iso(from)}&to={Iso(from.AddDays(6))}";
        var response = await supervisor.GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13812345678", raw);
        Assert.DoesNotContain("张三丰", raw);
        var stats = JsonNode.Parse(raw)!.AsObject();

        Assert.Equal(Iso(before), stats.Str("previousFrom"));
        Assert.Equal(7, stats["total"]!.GetValue<int>());
        Assert.Equal(6, stats["counted"]!.GetValue<int>());
        Assert.Equal(4, stats["previousCounted"]!.GetValue<int>());

        var attitude = Count(stats, "byCategory", "attitude");
        Assert.Equal((3, 1, "rising"), (attitude["count"]!.GetValue<int>(), attitude["previous"]!.GetValue<int>(), attitude.Str("trend")));
        var efficiency = Count(stats, "byCategory", "efficiency");
        Assert.Equal((2, 2, "steady"), (efficiency["count"]!.GetValue<int>(), efficiency["previous"]!.GetValue<int>(), efficiency.Str("trend")));
        var facilities = Count(stats, "byCategory", "facilities");
        Assert.Equal((1, 1, "steady"), (facilities["count"]!.GetValue<int>(), facilities["previous"]!.GetValue<int>(), facilities.Str("trend")));
        Assert.DoesNotContain(stats["byCategory"]!.AsArray(), c => c.Str("key") == "other");

        Assert.Equal(2, Count(stats, "byChannel", "phone")["count"]!.GetValue<int>());
        Assert.Equal(3, Count(stats, "byChannel", "onSite")["count"]!.GetValue<int>());
        Assert.Equal(1, Count(stats, "byChannel", "online")["count"]!.GetValue<int>());
        Assert.Equal(0, Count(stats, "byChannel", "suggestionBox")["count"]!.GetValue<int>());
        var clerkCount = Count(stats, "byStaff", other.ToString());
        Assert.Equal((2, 1), (clerkCount["count"]!.GetValue<int>(), clerkCount["previous"]!.GetValue<int>()));
        Assert.StartsWith(hall.Staff[1], clerkCount.Str("name"));
        var counter = Count(stats, "byCounter", hall.Counters[0].ToString());
        Assert.Equal((1, "new"), (counter["count"]!.GetValue<int>(), counter.Str("trend")));
        Assert.Equal("事项 A", Count(stats, "byItem", itemA.ToString()).Str("name"));
        Assert.Equal(2, stats["byDepartment"]!.AsArray().Single()!["count"]!.GetValue<int>());
        Assert.Equal(6, stats["byMonth"]!.AsArray().Sum(m => m!["count"]!.GetValue<int>()));

        // 热点: named at least twice, most first, a rising one before steady ones of the same count; "other" never.
        var hotspots = stats["hotspots"]!.AsArray().Select(h => $"{h.Str("dimension")}:{h!["name"]?.GetValue<string>() ?? h.Str("key")}").ToList();
        Assert.Equal(["category:attitude", $"staff:{clerkCount.Str("name")}", "category:efficiency", "item:事项 A", "department:综合"], hotspots);

        var rows = stats["complaints"]!.AsArray();
        Assert.Equal(7, rows.Count);
        Assert.False(rows.Single(r => r.Str("id") == duplicate)!["counted"]!.GetValue<bool>());
        Assert.All(rows, r => Assert.Null(r!["complainantNameMasked"]));
    }

    [Fact]
    public async Task BadPeriodRolesAndHalls_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var url = $"/api/halls/{hall.Id}/statistics/complaints";
        var today = Iso(app.Today);
        var supervisor = app.Api(hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?to={today}"), HttpStatusCode.BadRequest, "Required");
        var problem = await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?from={today}&to={Iso(app.Today.AddDays(-1))}", "en"),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        Assert.Contains("must be between", problem.Str("detail"));
        await Expect.ProblemAsync(await supervisor.GetAsync($"{url}?from={Iso(app.Today.AddDays(-400))}&to={today}"),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).GetAsync($"{url}?from={today}&to={today}"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).GetAsync($"{url}?from={today}&to={today}"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await app.Api().GetAsync($"{url}?from={today}&to={today}"), HttpStatusCode.Unauthorized);
        var empty = await app.Api("admin").GetOkAsync<JsonObject>($"{url}?from={today}&to={today}");
        Assert.Equal(0, empty["total"]!.GetValue<int>());
        Assert.Empty(empty["hotspots"]!.AsArray());
    }
}

public sealed class SqliteComplaintStatisticsTests(SqliteHallApp app) : ComplaintStatisticsTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresComplaintStatisticsTests(PostgresHallApp app) : ComplaintStatisticsTests(app), IClassFixture<PostgresHallApp>;
