using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Admin;

/// <summary>Halls, departments, counters and items set up through /api/admin, as an administrator does.</summary>
public abstract class HallSettingsTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    private async Task<Guid> NewHallAsync(string? name = null)
    {
        var hall = await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new
        {
            name = name ?? $"新区服务中心 {Guid.NewGuid():N}"[..16], opensAt = "00:00:00", closesAt = "23:59:59",
            issueCutoff = "23:59:59",
        });
        return Id(hall);
    }

    private static Guid Id(JsonObject node) => node["id"]!.GetValue<Guid>();

    private async Task<Guid> NewDepartmentAsync(Guid hallId, string name = "综合受理") =>
        Id(await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/departments", new { name }));

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    [InlineData("staff1", HttpStatusCode.Forbidden)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    public async Task AdminRoutes_WithoutAdminRole_Refused(string? user, HttpStatusCode expected)
    {
        var hall = await app.DemoHallAsync();
        var client = app.Api(user);
        await Expect.ProblemAsync(await client.GetAsync("/api/admin/halls"), expected);
        await Expect.ProblemAsync(await client.GetAsync($"/api/admin/halls/{hall.Id}"), expected);
        await Expect.ProblemAsync(await client.PostAsync("/api/admin/halls", new { name = "x" }), expected);
        await Expect.ProblemAsync(await client.PutAsync($"/api/admin/service-items/{hall.Item("A")}",
            new { name = "x", prefix = "A", departmentId = hall.Items["A"].DepartmentId }), expected);
        await Expect.ProblemAsync(await client.PostAsync($"/api/admin/halls/{hall.Id}/counters", new { number = 99, name = "x" }), expected);
        await Expect.ProblemAsync(await client.GetAsync("/api/admin/users"), expected);
        Assert.False(await app.WithDbAsync(db => db.Halls.AnyAsync(h => h.Name == "x")));
    }

    [Fact]
    public async Task NewHall_WithDepartmentCounterAndItem_ItemIsIssuableAtOnceAndListed()
    {
        var hallId = await NewHallAsync();
        var departmentId = await NewDepartmentAsync(hallId);
        var counter = await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/counters",
            new { number = 1, name = "1号窗口", departmentId });
        var item = await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/service-items", new
        {
            name = "公积金提取", prefix = "q", departmentId, maxWaiting = 5, maxWaitMinutes = 15, averageServiceMinutes = 6,
            counterIds = new[] { Id(counter) },
        });
        Assert.Equal("Q", item["prefix"]!.GetValue<string>());

        var listed = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/service-items");
        var listedItem = Assert.Single(listed);
        Assert.Equal("公积金提取", listedItem["name"]!.GetValue<string>());
        Assert.Equal(5, listedItem["maxWaiting"]!.GetValue<int>());
        Assert.Equal(Id(counter), listedItem["counterIds"]![0]!.GetValue<Guid>());

        var ticket = await app.Api().IssueAsync(hallId, Id(item));
        Assert.Equal("Q001", ticket.Number);
        Assert.Equal(0, ticket.PeopleAhead);
        var counters = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/counters");
        Assert.Equal(Id(item), Assert.Single(counters)["serviceItemIds"]![0]!.GetValue<Guid>());

        var setup = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hallId}");
        Assert.Single(setup["departments"]!.AsArray());
        Assert.Equal(Id(counter), setup["serviceItems"]![0]!["counterIds"]![0]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("""{"opensAt":"09:00:00"}""", "name", "Required")]
    [InlineData("""{"name":"h","opensAt":"17:00:00","closesAt":"09:00:00"}""", "closesAt", "HoursInvalid")]
    [InlineData("""{"name":"h","opensAt":"09:00:00","closesAt":"17:00:00","issueCutoff":"17:30:00"}""", "issueCutoff", "CutoffOutsideHours")]
    [InlineData("""{"name":"h","timeZoneId":"Mars/Olympus"}""", "timeZoneId", "InvalidTimeZone")]
    [InlineData("""{"name":"h","priorityPolicy":"interleave","interleaveNormalsPerPriority":0}""", "interleaveNormalsPerPriority", "OutOfRange")]
    [InlineData("""{"name":"h","noShowRequeueMinutes":-1}""", "noShowRequeueMinutes", "OutOfRange")]
    public async Task CreateHall_BadInput_ProblemNamesTheFieldAndNothingIsWritten(string body, string field, string code)
    {
        var before = await app.WithDbAsync(db => db.Halls.CountAsync());
        var admin = await Admin.SignInAsync();
        var response = await admin.Http.PostAsync("/api/admin/halls", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await app.WithDbAsync(db => db.Halls.CountAsync()));
    }

    [Fact]
    public async Task UpdateHall_PolicyAndHours_Saved_ErrorsInEnglishOnRequest()
    {
        var hallId = await NewHallAsync();
        var updated = await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hallId}", new
        {
            name = "新区服务中心（改）", opensAt = "08:30:00", closesAt = "17:30:00", issueCutoff = "17:00:00",
            priorityPolicy = "interleave", interleaveNormalsPerPriority = 4, fairnessEnabled = false, noShowRequeueMinutes = 15,
            maxPauseMinutesWithoutSubstitute = 5,
        });
        Assert.Equal("interleave", updated["priorityPolicy"]!.GetValue<string>());
        var hall = await app.WithDbAsync(db => db.Halls.SingleAsync(h => h.Id == hallId));
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(17, 0), 4, false, 15, 5),
            (hall.OpensAt, hall.IssueCutoff, hall.InterleaveNormalsPerPriority, hall.FairnessEnabled, hall.NoShowRequeueMinutes,
                hall.MaxPauseMinutesWithoutSubstitute));

        var response = await Admin.PutAsync($"/api/admin/halls/{hallId}", new { name = "x", opensAt = "18:00:00", closesAt = "08:00:00" }, "en");
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "HoursInvalid");
        Assert.StartsWith("Invalid hours", problem["detail"]!.GetValue<string>());
        Assert.Equal("新区服务中心（改）", (await app.WithDbAsync(db => db.Halls.SingleAsync(h => h.Id == hallId))).Name);
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/halls/{Guid.NewGuid()}", new { name = "x" }),
            HttpStatusCode.NotFound, "HallNotFound");
    }

    [Fact]
    public async Task ServiceItem_DuplicateOrBadPrefix_OtherHallsDepartment_Refused()
    {
        var hallId = await NewHallAsync();
        var departmentId = await NewDepartmentAsync(hallId);
        var demo = await app.DemoHallAsync();
        await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/service-items", new { name = "甲", prefix = "K", departmentId });

        var url = $"/api/admin/halls/{hallId}/service-items";
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "k", departmentId }), HttpStatusCode.Conflict, "PrefixTaken");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "K1", departmentId }), HttpStatusCode.BadRequest, "PrefixInvalid");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "ABCD", departmentId }), HttpStatusCode.BadRequest, "TooLong");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "L", departmentId = demo.Items["A"].DepartmentId }),
            HttpStatusCode.BadRequest, "DepartmentNotFound");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "L", departmentId, maxWaiting = 0 }),
            HttpStatusCode.BadRequest, "OutOfRange");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "L", departmentId, counterIds = new[] { demo.Counter(1) } }),
            HttpStatusCode.BadRequest, "CounterNotFound");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { name = "乙", prefix = "L" }), HttpStatusCode.BadRequest, "Required");
        Assert.Equal(1, await app.WithDbAsync(db => db.ServiceItems.CountAsync(i => i.HallId == hallId)));
    }

    [Fact]
    public async Task ServiceItem_Deactivated_NotListedNotIssuable_WaitingTicketStaysServable()
    {
        var hallId = await NewHallAsync();
        var departmentId = await NewDepartmentAsync(hallId);
        var item = Id(await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/service-items", new { name = "甲", prefix = "M", departmentId }));
        var waiting = await app.Api().IssueAsync(hallId, item);

        await Admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{item}", new { name = "甲", prefix = "M", departmentId, isActive = false });
        Assert.Empty(await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/service-items"));
        await Expect.ProblemAsync(await app.Api().PostAsync($"/api/halls/{hallId}/tickets", new { serviceItemId = item }),
            HttpStatusCode.Conflict, "ServiceItemInactive");
        Assert.Equal("waiting", (await app.Api().GetTicketAsync(waiting.Id)).Status);

        await Admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{item}", new { name = "甲", prefix = "M", departmentId });
        Assert.Equal("M002", (await app.Api().IssueAsync(hallId, item)).Number);
    }

    [Fact]
    public async Task Counter_DuplicateNumber_InUse_Inactive_Refused()
    {
        var hall = await TestHall.CreateAsync(app, counters: 2);
        var url = $"/api/admin/halls/{hall.Id}/counters";
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { number = 2, name = "二号" }), HttpStatusCode.Conflict, "CounterNumberTaken");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { number = 1000, name = "x" }), HttpStatusCode.BadRequest, "OutOfRange");

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var items = hall.Items.Values.ToArray();
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/counters/{hall.Counters[0]}",
            new { number = 1, name = "1号窗口", serviceItemIds = items, isActive = false }), HttpStatusCode.Conflict, "CounterInUse");

        var renumbered = await Admin.PutOkAsync<JsonObject>($"/api/admin/counters/{hall.Counters[1]}",
            new { number = 7, name = "7号窗口", serviceItemIds = new[] { hall.Item("A") }, isActive = false });
        Assert.Equal(7, renumbered["number"]!.GetValue<int>());
        var listed = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/counters");
        Assert.DoesNotContain(listed, c => c["id"]!.GetValue<Guid>() == hall.Counters[1]);
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync($"/api/counters/{hall.Counters[1]}/open"),
            HttpStatusCode.Conflict, "CounterInactive");
        var links = await app.WithDbAsync(db => db.CounterServiceItems.Where(x => x.CounterId == hall.Counters[1]).ToListAsync());
        Assert.Equal(hall.Item("A"), Assert.Single(links).ServiceItemId);
    }

    [Fact]
    public async Task Department_DuplicateName_DeactivateWhileInUse_Refused()
    {
        var hallId = await NewHallAsync();
        var departmentId = await NewDepartmentAsync(hallId, "社保");
        await Expect.ProblemAsync(await Admin.PostAsync($"/api/admin/halls/{hallId}/departments", new { name = " 社保 " }),
            HttpStatusCode.Conflict, "DepartmentNameTaken");
        var item = Id(await Admin.PostOkAsync<JsonObject>($"/api/admin/halls/{hallId}/service-items", new { name = "甲", prefix = "N", departmentId }));
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/departments/{departmentId}", new { name = "社保", isActive = false }),
            HttpStatusCode.Conflict, "DepartmentInUse");

        await Admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{item}", new { name = "甲", prefix = "N", departmentId, isActive = false });
        var department = await Admin.PutOkAsync<JsonObject>($"/api/admin/departments/{departmentId}", new { name = "社保局", isActive = false });
        Assert.False(department["isActive"]!.GetValue<bool>());
        await Expect.ProblemAsync(await Admin.PostAsync($"/api/admin/halls/{hallId}/service-items", new { name = "乙", prefix = "P", departmentId }),
            HttpStatusCode.BadRequest, "DepartmentInactive");
    }
}

public sealed class SqliteHallSettingsTests(SqliteHallApp app) : HallSettingsTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallSettingsTests(PostgresHallApp app) : HallSettingsTests(app), IClassFixture<PostgresHallApp>;
