using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Realtime;

public abstract class HallHubTests(HallApp app)
{
    [Fact]
    public async Task Hub_IssueAndCall_ClientSeesIssuedCalledAndQueueChanged()
    {
        var hall = await TestHall.CreateAsync(app);
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);
        await staff.ActAsync(hall.Counters[0], ticket.Id, "recall");

        var issued = await screen.WaitForAsync("TicketIssued", e => e["id"]!.GetValue<Guid>() == ticket.Id);
        Assert.Equal("A001", issued["number"]!.GetValue<string>());
        var called = await screen.WaitForAsync("TicketCalled", e => e["isRecall"]!.GetValue<bool>() == false);
        Assert.Equal("请A001号到1号窗口办理", called["announcement"]!.GetValue<string>());
        Assert.Equal("A001, please go to counter 1", called["announcementEn"]!.GetValue<string>());
        Assert.Equal(1, called["counterNumber"]!.GetValue<int>());
        await screen.WaitForAsync("TicketCalled", e => e["isRecall"]!.GetValue<bool>());
        await screen.WaitForAsync("QueueChanged", e => e["hallId"]!.GetValue<Guid>() == hall.Id);
    }

    [Fact]
    public async Task Hub_OtherHall_ReceivesNothingOfThisHall()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        await using var elsewhere = await HallHubClient.ConnectAsync(app, other.Id);
        await using var here = await HallHubClient.ConnectAsync(app, hall.Id);
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        await here.WaitForAsync("TicketIssued");
        Assert.Equal(0, elsewhere.Count("TicketIssued"));
    }
}

public sealed class SqliteHallHubTests(SqliteHallApp app) : HallHubTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallHubTests(PostgresHallApp app) : HallHubTests(app), IClassFixture<PostgresHallApp>;
