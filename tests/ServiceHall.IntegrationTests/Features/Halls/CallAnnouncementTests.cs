using System.Net;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.IntegrationTests.Realtime;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>Q4 with issue 16: an item's announcement template words its calls on the display, in the hub and on the phone.</summary>
public abstract class CallAnnouncementTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    private async Task<JsonObject> ItemSettingsAsync(Guid hallId, string prefix) =>
        (await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hallId}"))["serviceItems"]!.AsArray()
            .Single(i => i!["prefix"]!.GetValue<string>() == prefix)!.AsObject();

    [Fact]
    public async Task Call_ItemsOwnTemplate_WordsTheHubMessageThePhoneAndTheRecentCalls()
    {
        var hall = await TestHall.CreateAsync(app);
        var item = await ItemSettingsAsync(hall.Id, "A");
        await Admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{hall.Item("A")}", new
        {
            name = "门诊取药", prefix = "A", departmentId = item["departmentId"]!.GetValue<Guid>(), counterIds = hall.Counters,
            announcementZh = "请{number}号到{counter}号窗口取药", announcementEn = "{number}, collect your medicine at counter {counter}",
        });
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[1]);
        await staff.CallNextAsync(hall.Counters[1]);

        var called = await screen.WaitForAsync("TicketCalled", e => e["ticketId"]!.GetValue<Guid>() == ticket.Id);
        Assert.Equal("请A001号到2号窗口取药", called["announcement"]!.GetValue<string>());
        Assert.Equal("A001, collect your medicine at counter 2", called["announcementEn"]!.GetValue<string>());

        var phone = await app.Api().GetOkAsync<JsonObject>($"/api/tickets/{ticket.Id}");
        Assert.Equal("请A001号到2号窗口取药", phone["announcement"]!.GetValue<string>());
        var recent = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/recent-calls");
        Assert.Equal("请A001号到2号窗口取药", Assert.Single(recent)["announcement"]!.GetValue<string>());

        // Waiting, a ticket has no call to say.
        var next = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        Assert.Null((await app.Api().GetOkAsync<JsonObject>($"/api/tickets/{next.Id}"))["announcement"]);
    }

    [Fact]
    public async Task Call_ItemLeftAsItWas_StandardWording()
    {
        var hall = await TestHall.CreateAsync(app);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        Assert.Equal("请B001号到1号窗口办理", (await app.Api().GetOkAsync<JsonObject>($"/api/tickets/{ticket.Id}"))["announcement"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("announcementZh", "请{number}号到{window}号窗口取药", "AnnouncementPlaceholderUnknown", "zh-CN", "{window}")]
    [InlineData("announcementEn", "Please go to counter {counter}", "AnnouncementNeedsNumber", "en", "{number}")]
    public async Task SaveItem_BadTemplate_ProblemInTheRequestsLanguage_NothingWritten(string field, string template, string code,
        string language, string named)
    {
        var hall = await TestHall.CreateAsync(app);
        var item = await ItemSettingsAsync(hall.Id, "A");
        var body = new JsonObject
        {
            ["name"] = "改名", ["prefix"] = "A", ["departmentId"] = item["departmentId"]!.GetValue<Guid>(), [field] = template,
        };
        var problem = await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/service-items/{hall.Item("A")}", body, language),
            HttpStatusCode.BadRequest, code);
        Assert.NotNull(problem["errors"]![field]);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(named, detail);
        Assert.Equal(language == "en", detail.StartsWith("The call announcement", StringComparison.Ordinal));
        var after = await ItemSettingsAsync(hall.Id, "A");
        Assert.Equal(("事项 A", "请{number}号到{counter}号窗口办理"), (after["name"]!.GetValue<string>(), after["announcementZh"]!.GetValue<string>()));
    }
}

public sealed class SqliteCallAnnouncementTests(SqliteHallApp app) : CallAnnouncementTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCallAnnouncementTests(PostgresHallApp app) : CallAnnouncementTests(app), IClassFixture<PostgresHallApp>;
