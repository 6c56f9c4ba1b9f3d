using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Identity;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>
/// Staff in several halls with a role per hall (ADR-032): the token of each hall carries that hall's role, the API login
/// chooses the hall, switching and removal end the other hall's sessions, and a day counts in one hall's attendance.
/// </summary>
public abstract class HallMembershipTests(HallApp app)
{
    private ApiClient? _admin;
    private ApiClient Admin => _admin ??= app.Api("admin");

    private TimeSpan Window => app.Services.GetRequiredService<AccountSessions>().Interval + TimeSpan.FromSeconds(1);

    /// <summary>Hall A has a supervisor only; hall B's first staff member is also made supervisor of A.</summary>
    private async Task<(TestHall A, TestHall B, string Person, Guid PersonId)> PersonInTwoHallsAsync(string roleInA = "supervisor",
        Action<Hall>? configure = null)
    {
        var a = await TestHall.CreateAsync(app, staff: 0, configure: configure);
        var b = await TestHall.CreateAsync(app, staff: 1, configure: configure);
        var person = b.Staff[0];
        var personId = await TestHall.UserIdAsync(app, person);
        var halls = await Admin.PutOkAsync<List<JsonObject>>($"/api/admin/users/{personId}/halls/{a.Id}", new { role = roleInA });
        Assert.Equal(2, halls.Count);
        Assert.Equal(b.Id, halls[0]["hallId"]!.GetValue<Guid>()); // the active hall first: granting moves nobody
        Assert.True(halls[0]["active"]!.GetValue<bool>());
        return (a, b, person, personId);
    }

    [Fact]
    public async Task RolePerHall_SupervisorInA_StaffInB_EachHallsTokenHasThatHallsRole()
    {
        var (a, b, person, _) = await PersonInTwoHallsAsync();

        var inA = await TokenAsync(person, a.Id);
        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.OK);
        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/attendance/daily"), HttpStatusCode.OK);
        // The supervisor of A is not B's supervisor, nor B's counter staff while working in A.
        await Expect.ProblemAsync(await inA.GetAsync($"/api/halls/{b.Id}/alerts"), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(HttpStatusCode.Forbidden, (await inA.PostAsync($"/api/counters/{b.Counters[0]}/open", null)).StatusCode);

        var inB = await TokenAsync(person, b.Id);
        await Expect.StatusAsync(await inB.PostAsync($"/api/counters/{b.Counters[0]}/open", null), HttpStatusCode.OK);
        // Counter staff in B: B's supervision routes refuse, and A's are another hall's.
        Assert.Equal(HttpStatusCode.Forbidden, (await inB.GetAsync($"/api/halls/{b.Id}/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inB.GetAsync($"/api/halls/{b.Id}/attendance/daily")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inB.GetAsync($"/api/halls/{a.Id}/alerts")).StatusCode);
    }

    [Fact]
    public async Task Switch_ByLogin_EndsTheOtherHallsToken_LoginWithoutHallKeepsTheLastOne()
    {
        var (a, b, person, _) = await PersonInTwoHallsAsync();
        var inB = await TokenAsync(person, b.Id);
        await Expect.StatusAsync(await inB.GetAsync("/api/attendance/me"), HttpStatusCode.OK);

        var inA = await TokenAsync(person, a.Id);
        // One hall at a time: B's token carries B's role, so the switch ended it (at once on this node).
        await Expect.StatusAsync(await inB.GetAsync("/api/attendance/me"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.OK);

        // Without a hall, the login keeps the hall last worked in, and ends nothing.
        var again = await TokenAsync(person);
        await Expect.StatusAsync(await again.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.OK);
        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, "不在该大厅工作")]
    [InlineData("en", "do not work in this hall")]
    public async Task ApiLogin_HallWithoutMembership_403ProblemInTheRequestsLanguage(string? language, string words)
    {
        var (_, b, person, _) = await PersonInTwoHallsAsync();
        var other = await TestHall.CreateAsync(app, staff: 0);
        var before = await TokenAsync(person, b.Id);
        foreach (var (userName, hallId) in new[] { (person, other.Id), ("admin", b.Id) })
        {
            using var client = app.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { userName, password = SeedDemoHall.DemoPassword, hallId }),
            };
            if (language is not null)
                request.Headers.AcceptLanguage.ParseAdd(language);
            var problem = await Expect.ProblemAsync(await client.SendAsync(request), HttpStatusCode.Forbidden, "NotHallMember");
            Assert.Contains(words, problem.Str("detail"));
            Assert.DoesNotContain("accessToken", problem.ToJsonString());
        }
        // A refused hall moves nobody: the person still works in B.
        await Expect.StatusAsync(await before.GetAsync("/api/attendance/me"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task RemoveTheActiveHall_ItsSessionEndsWithinTheInterval_TheNextLoginIsInTheOtherHall()
    {
        var (a, b, person, personId) = await PersonInTwoHallsAsync();
        var inA = await TokenAsync(person, a.Id);
        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.OK);

        var left = await Admin.GetOkAsync<List<JsonObject>>($"/api/admin/users/{personId}/halls");
        Assert.Equal(a.Id, left.Single(m => m["active"]!.GetValue<bool>())["hallId"]!.GetValue<Guid>());
        var after = await DeleteOkAsync($"/api/admin/users/{personId}/halls/{a.Id}");
        var only = Assert.Single(after);
        Assert.Equal(b.Id, only["hallId"]!.GetValue<Guid>());
        Assert.Equal("staff", only.Str("role"));
        app.Clock.Advance(Window);

        await Expect.StatusAsync(await inA.GetAsync($"/api/halls/{a.Id}/alerts"), HttpStatusCode.Unauthorized);
        var again = await TokenAsync(person);
        await Expect.StatusAsync(await again.PostAsync($"/api/counters/{b.Counters[0]}/open", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync($"/api/halls/{a.Id}/alerts")).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = person, password = SeedDemoHall.DemoPassword, hallId = a.Id });
        await Expect.ProblemAsync(login, HttpStatusCode.Forbidden, "NotHallMember");
    }

    [Fact]
    public async Task GrantChangeAndRemove_AreAudited_RefusalsWriteNothing()
    {
        var (a, b, person, personId) = await PersonInTwoHallsAsync();
        var adminId = await TestHall.UserIdAsync(app, "admin");

        // The role in A changes; while the person works in B nothing of theirs ends.
        var inB = await TokenAsync(person, b.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var changed = await Admin.PutOkAsync<List<JsonObject>>($"/api/admin/users/{personId}/halls/{a.Id}", new { role = "staff" });
        Assert.Equal("staff", changed.Single(m => m["hallId"]!.GetValue<Guid>() == a.Id).Str("role"));
        await Expect.StatusAsync(await inB.GetAsync("/api/attendance/me"), HttpStatusCode.OK);

        // Refused: a device's account, an unknown role, a supervisor without badge as staff, the last hall, a hall not held.
        var kioskId = await TestHall.UserIdAsync(app, b.Kiosk);
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{kioskId}/halls/{a.Id}", new { role = "staff" }),
            HttpStatusCode.BadRequest, "MembershipRoleInvalid");
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{personId}/halls/{a.Id}", new { role = "admin" }),
            HttpStatusCode.BadRequest, "MembershipRoleInvalid");
        var supervisorId = await TestHall.UserIdAsync(app, b.Supervisor);
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{supervisorId}/halls/{a.Id}", new { role = "staff" }),
            HttpStatusCode.BadRequest, "BadgeNumberRequired");
        var onlyHall = await TestHall.UserIdAsync(app, a.Supervisor);
        await Expect.ProblemAsync(await DeleteAsync($"/api/admin/users/{onlyHall}/halls/{a.Id}"), HttpStatusCode.Conflict, "LastMembership");
        await Expect.ProblemAsync(await DeleteAsync($"/api/admin/users/{onlyHall}/halls/{b.Id}"), HttpStatusCode.NotFound, "MembershipNotFound");
        // Only the administrator manages memberships.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(b.Supervisor).PutAsync($"/api/admin/users/{personId}/halls/{b.Id}",
            new { role = "supervisor" })).StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await DeleteOkAsync($"/api/admin/users/{personId}/halls/{a.Id}");
        var trail = await app.WithDbAsync(db => db.HallMembershipChanges.AsNoTracking().Where(c => c.UserId == personId)
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync());
        Assert.Equal([HallMembershipChangeKind.Granted, HallMembershipChangeKind.RoleChanged, HallMembershipChangeKind.Removed],
            trail.Select(c => c.Kind).ToArray());
        Assert.All(trail, c => Assert.Equal(adminId, c.ByUserId));
        Assert.All(trail, c => Assert.Equal(a.Id, c.HallId));
        Assert.Equal(("supervisor", "staff"), (trail[1].OldRole, trail[1].NewRole));
        Assert.Empty(await app.WithDbAsync(db => db.HallMembershipChanges.AsNoTracking()
            .Where(c => c.UserId == kioskId || c.UserId == supervisorId || c.UserId == onlyHall).ToListAsync()));
    }

    [Fact]
    public async Task Attendance_ADayInTwoHalls_CountsOnlyWhereThePersonSignedIn()
    {
        // Both halls open 30 minutes from now: due in 20 minutes (10 minutes early), so signing in now is on time.
        var now = app.LocalTime;
        var opens = new TimeOnly(now.Hour, now.Minute).AddMinutes(30);
        var (a, b, person, _) = await PersonInTwoHallsAsync("staff", h =>
        {
            h.OpensAt = opens;
            h.ClosesAt = opens.AddHours(7);
            h.WeekdayHours = [];
        });
        var inA = await TokenAsync(person, a.Id);
        var signedIn = await JsonAsync(await inA.PostAsync("/api/attendance/sign-in", null), HttpStatusCode.OK);
        Assert.Equal(Iso(app.Today), signedIn.Str("day"));

        var dayA = await app.Api(a.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{a.Id}/attendance/daily");
        Assert.Equal("present", Row(dayA, person).Str("status"));
        var dayB = await app.Api(b.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{b.Id}/attendance/daily");
        Assert.Equal("otherHall", Row(dayB, person).Str("status"));

        // A day with no sign-in anywhere is one absence, in the hall the person was first given (B), not one in each.
        app.Clock.Advance(TimeSpan.FromHours(25));
        var yesterday = Iso(app.Today.AddDays(-1));
        var today = Iso(app.Today);
        var month = $"year={app.Today.Year}&month={app.Today.Month}";
        Assert.Equal("absent", Row(await app.Api(b.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{b.Id}/attendance/daily?date={today}"), person).Str("status"));
        Assert.Equal("otherHall", Row(await app.Api(a.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{a.Id}/attendance/daily?date={today}"), person).Str("status"));
        var monthB = Row(await app.Api(b.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{b.Id}/attendance/monthly?{month}"), person);
        Assert.Equal("otherHall", Day(monthB, yesterday).Str("status"));
        var monthA = Row(await app.Api(a.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{a.Id}/attendance/monthly?{month}"), person);
        Assert.Equal("present", Day(monthA, yesterday).Str("status"));
        Assert.Equal(0, monthA["absent"]!.GetValue<int>());
    }

    private static JsonNode Row(JsonObject report, string userName) =>
        report["staff"]!.AsArray().Single(r => r.Str("name") == userName)!;

    [Fact]
    public async Task PersonWorkingInTheirOtherHallToday_IsStillOneOfThisHallsPeople()
    {
        // The person is supervisor in A and works in B today (staff there): A's lists and checks still know them.
        var (a, _, _, personId) = await PersonInTwoHallsAsync();
        var supervisorA = app.Api(a.Supervisor);

        var users = await Admin.GetOkAsync<List<JsonObject>>($"/api/admin/users?hallId={a.Id}");
        Assert.Equal("supervisor", users.Single(u => u.Str("id") == personId.ToString())["role"]!.GetValue<string>());

        var targets = await supervisorA.GetOkAsync<JsonObject>($"/api/halls/{a.Id}/inquiries/forward-targets");
        Assert.Contains(targets["colleagues"]!.AsArray(), c => c.Str("id") == personId.ToString());

        var complaint = await JsonAsync(await supervisorA.PostAsync($"/api/halls/{a.Id}/complaints", new
        {
            channel = "phone", title = "答复不清", content = "材料清单没讲清楚", anonymous = true, subject = "staff", staffUserId = personId,
        }), HttpStatusCode.Created);
        await supervisorA.PostOkAsync<JsonObject>($"/api/complaints/{complaint.Str("id")}/assign", new { assigneeUserId = personId, note = "请核查" });

        await supervisorA.PostOkAsync<JsonObject>($"/api/halls/{a.Id}/assessment/manual-items", new
        {
            scope = "staff", unitId = personId, kind = "commendation", points = 2, reason = "群众来信表扬", day = app.Today.ToString("yyyy-MM-dd"),
        });
        var assessment = await supervisorA.GetOkAsync<JsonObject>(
            $"/api/halls/{a.Id}/assessment?year={app.Today.Year}&month={app.Today.Month}&scope=staff");
        var displayName = await app.WithDbAsync(db => db.Users.Where(u => u.Id == personId).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(displayName, Assert.Single(assessment["manualItems"]!.AsArray())!.Str("unitName"));

        await using var scope = app.Services.CreateAsyncScope();
        var directory = await scope.ServiceProvider.GetRequiredService<ServiceHall.Core.Features.Supervision.GetSupervisionDirectory>()
            .HandleAsync(a.Id, await TestHall.UserIdAsync(app, a.Supervisor), CancellationToken.None);
        Assert.Contains(directory.People, p => p.Id == personId);
        Assert.DoesNotContain(directory.Staff, p => p.Id == personId); // a supervisor in A, whatever they are in B
    }

    private static JsonNode Day(JsonNode row, string day) => row["days"]!.AsArray().Single(d => d.Str("day") == day)!;

    private async Task<List<JsonObject>> DeleteOkAsync(string url)
    {
        var response = await DeleteAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<JsonObject>>())!;
    }

    private async Task<HttpResponseMessage> DeleteAsync(string url)
    {
        await Admin.SignInAsync();
        return await Admin.Http.DeleteAsync(url);
    }

    private async Task<HttpClient> TokenAsync(string userName, Guid? hallId = null)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = SeedDemoHall.DemoPassword, hallId });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class SqliteHallMembershipTests(SqliteHallApp app) : HallMembershipTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallMembershipTests(PostgresHallApp app) : HallMembershipTests(app), IClassFixture<PostgresHallApp>;
