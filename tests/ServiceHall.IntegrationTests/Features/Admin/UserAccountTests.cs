using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Admin;

/// <summary>Accounts set up by an administrator: roles, halls, badge numbers, passwords and locks.</summary>
public abstract class UserAccountTests(HallApp app)
{
    private const string Password = "Counter#2026";
    private ApiClient Admin => app.Api("admin");

    private static string NewName() => $"u{Guid.NewGuid():N}"[..12];

    private async Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });

    [Fact]
    public async Task CreateStaff_SignsInAndOpensACounterOfItsHall()
    {
        var hall = await TestHall.CreateAsync(app);
        var userName = NewName();
        var user = await Admin.PostOkAsync<JsonObject>("/api/admin/users", new
        {
            userName, displayName = "赵敏", badgeNumber = "2001", role = "staff", hallId = hall.Id, password = Password,
        });
        Assert.Equal("staff", user["role"]!.GetValue<string>());
        Assert.False(user["isLocked"]!.GetValue<bool>());

        var signIn = await SignInAsync(userName, Password);
        var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var opened = await client.PostAsync($"/api/counters/{hall.Counters[0]}/open", null);
        await Expect.StatusAsync(opened, HttpStatusCode.OK);
        Assert.Equal("赵敏", (await opened.Content.ReadFromJsonAsync<JsonObject>())!["staffName"]!.GetValue<string>());

        var listed = await Admin.GetOkAsync<List<JsonObject>>($"/api/admin/users?hallId={hall.Id}");
        Assert.Contains(listed, u => u["userName"]!.GetValue<string>() == userName && u["badgeNumber"]!.GetValue<string>() == "2001");
        Assert.All(listed, u => Assert.Null(u["passwordHash"]));
    }

    [Theory]
    [InlineData("staff", null, "badgeNumber", "BadgeNumberRequired")]
    [InlineData("cashier", "3001", "role", "RoleInvalid")]
    [InlineData("supervisor", "3001", "hallId", "HallRequired")]
    public async Task CreateUser_BadProfile_Refused(string role, string? badge, string field, string code)
    {
        var hall = await TestHall.CreateAsync(app);
        var userName = NewName();
        var response = await Admin.PostAsync("/api/admin/users", new
        {
            userName, displayName = "某人", badgeNumber = badge, role, hallId = field == "hallId" ? (Guid?)null : hall.Id, password = Password,
        });
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.NotNull(problem["errors"]![field]);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("alllowercase1!")]
    [InlineData("NoDigitsHere!")]
    public async Task CreateUser_WeakPassword_RefusedWithTheRules(string password)
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await Admin.PostAsync("/api/admin/users",
            new { userName = NewName(), displayName = "某人", badgeNumber = "4001", role = "staff", hallId = hall.Id, password }, "en");
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "PasswordRejected");
        Assert.Contains("at least 8 characters", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_DuplicateUserNameOrBadge_Conflict_SameBadgeInOtherHallAllowed()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        // TestHall's staff carry badges 9001 and 9002.
        await Expect.ProblemAsync(await Admin.PostAsync("/api/admin/users", new
        {
            userName = NewName(), displayName = "某人", badgeNumber = "9001", role = "staff", hallId = hall.Id, password = Password,
        }), HttpStatusCode.Conflict, "BadgeNumberTaken");
        await Expect.ProblemAsync(await Admin.PostAsync("/api/admin/users", new
        {
            userName = hall.Staff[0], displayName = "某人", badgeNumber = "5001", role = "staff", hallId = hall.Id, password = Password,
        }), HttpStatusCode.Conflict, "UserNameTaken");
        await Expect.ProblemAsync(await Admin.PostAsync("/api/admin/users", new
        {
            userName = "有空格 的名字", displayName = "某人", badgeNumber = "5001", role = "staff", hallId = hall.Id, password = Password,
        }), HttpStatusCode.BadRequest, "UserNameInvalid");

        var moved = await Admin.PostOkAsync<JsonObject>("/api/admin/users", new
        {
            userName = NewName(), displayName = "某人", badgeNumber = "5001", role = "staff", hallId = other.Id, password = Password,
        });
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{moved["id"]}", new
        {
            displayName = "某人", badgeNumber = "9002", role = "staff", hallId = hall.Id,
        }), HttpStatusCode.Conflict, "BadgeNumberTaken");
    }

    [Fact]
    public async Task LockUnlockAndResetPassword_SignInFollows()
    {
        var hall = await TestHall.CreateAsync(app);
        var userId = await TestHall.UserIdAsync(app, hall.Staff[1]);

        var locked = await Admin.PostOkAsync<JsonObject>($"/api/admin/users/{userId}/lock");
        Assert.True(locked["isLocked"]!.GetValue<bool>());
        await Expect.ProblemAsync(await SignInAsync(hall.Staff[1], "Demo#2026"), HttpStatusCode.Unauthorized, "InvalidCredentials");

        await Admin.PostOkAsync<JsonObject>($"/api/admin/users/{userId}/unlock");
        await Expect.StatusAsync(await SignInAsync(hall.Staff[1], "Demo#2026"), HttpStatusCode.OK);

        await Expect.ProblemAsync(await Admin.PostAsync($"/api/admin/users/{userId}/password", new { password = "weak" }),
            HttpStatusCode.BadRequest, "PasswordRejected");
        await Expect.StatusAsync(await Admin.PostAsync($"/api/admin/users/{userId}/password", new { password = Password }), HttpStatusCode.NoContent);
        await Expect.ProblemAsync(await SignInAsync(hall.Staff[1], "Demo#2026"), HttpStatusCode.Unauthorized, "InvalidCredentials");
        await Expect.StatusAsync(await SignInAsync(hall.Staff[1], Password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateUser_ChangesRole_AdminCannotLockOrDemoteThemself()
    {
        var hall = await TestHall.CreateAsync(app);
        var userId = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var updated = await Admin.PutOkAsync<JsonObject>($"/api/admin/users/{userId}",
            new { displayName = "值班长", badgeNumber = "9001", role = "supervisor", hallId = hall.Id });
        Assert.Equal("supervisor", updated["role"]!.GetValue<string>());
        await Expect.StatusAsync(await app.Api(hall.Staff[0]).GetAsync($"/api/halls/{hall.Id}/alerts"), HttpStatusCode.OK);

        var adminId = await TestHall.UserIdAsync(app, "admin");
        await Expect.ProblemAsync(await Admin.PostAsync($"/api/admin/users/{adminId}/lock"), HttpStatusCode.Conflict, "OwnAccount");
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{adminId}",
            new { displayName = "系统管理员", role = "staff", badgeNumber = "1", hallId = hall.Id }), HttpStatusCode.Conflict, "OwnAccount");
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/users/{Guid.NewGuid()}",
            new { displayName = "x", role = "admin" }), HttpStatusCode.NotFound, "UserNotFound");
    }
}

public sealed class SqliteUserAccountTests(SqliteHallApp app) : UserAccountTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresUserAccountTests(PostgresHallApp app) : UserAccountTests(app), IClassFixture<PostgresHallApp>;
