using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Realtime;

/// <summary>
/// P6: a phone receives what it shows — its own ticket's call and its item's queue — not every call and every
/// issue of the hall (with 5,000 phones, every call went to every phone).
/// </summary>
public abstract class PhoneHubTests(HallApp app)
{
    [Fact]
    public async Task Hub_PhoneFollowingItsTicket_GetsItsOwnCallAndItsItemOnly()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        var earlier = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var mine = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var phone = await HallHubClient.ConnectAsync(app, hall.Id, mine.Id);
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);

        await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        Assert.Equal(earlier.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], earlier.Id, "no-show");
        Assert.Equal(mine.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);

        // The screen sees both calls; the phone only its own.
        var call = await phone.WaitForAsync("TicketCalled");
        Assert.Equal(mine.Id, call["ticketId"]!.GetValue<Guid>());
        await screen.WaitForAsync("TicketCalled", e => e["ticketId"]!.GetValue<Guid>() == mine.Id);
        Assert.Equal(2, screen.Count("TicketCalled"));
        Assert.Equal(1, phone.Count("TicketCalled"));
        var queue = await phone.WaitForAsync("QueueChanged");
        var line = Assert.Single(queue["items"]!.AsArray());
        Assert.Equal(hall.Item("A"), line!["serviceItemId"]!.GetValue<Guid>());
        Assert.Empty(queue["alerts"]!.AsArray());
        Assert.Equal(1, screen.Count("TicketIssued"));
        Assert.Equal(0, phone.Count("TicketIssued"));
        Assert.Equal(0, phone.Count("QueueChanged", e => e["items"]!.AsArray().Count != 1));
    }

    /// <summary>
    /// A phone re-reads its ticket when the ticket changes, told at once, so that it need not re-read on every change of its
    /// item's queue (thousands of phones re-reading twice a second). Screens and other phones are not told.
    /// </summary>
    [Fact]
    public async Task Hub_TicketStartedFinishedOrTransferred_ToldToItsPhoneOnly()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        var served = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var moved = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await using var servedPhone = await HallHubClient.ConnectAsync(app, hall.Id, served.Id);
        await using var movedPhone = await HallHubClient.ConnectAsync(app, hall.Id, moved.Id);
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);

        Assert.Equal(served.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], served.Id, "start");
        await servedPhone.WaitForCountAsync("TicketChanged", 1);
        await staff.ActAsync(hall.Counters[0], served.Id, "finish");
        await servedPhone.WaitForCountAsync("TicketChanged", 2);
        Assert.All(servedPhone.Events("TicketChanged"), e => Assert.Equal(served.Id, e["ticketId"]!.GetValue<Guid>()));

        Assert.Equal(moved.Id, (await staff.CallNextAsync(hall.Counters[0]))!.Id);
        await staff.ActAsync(hall.Counters[0], moved.Id, "transfer", new { toServiceItemId = hall.Item("B"), reason = "属于B事项" });
        var change = await movedPhone.WaitForAsync("TicketChanged");
        Assert.Equal(moved.Id, change["ticketId"]!.GetValue<Guid>());

        await screen.WaitForAsync("TicketIssued", e => e["serviceItemId"]!.GetValue<Guid>() == hall.Item("B"));
        Assert.Equal(2, servedPhone.Count("TicketChanged"));
        Assert.Equal(1, movedPhone.Count("TicketChanged"));
        Assert.Equal(0, screen.Count("TicketChanged"));
    }

    [Fact]
    public async Task Hub_PhoneWithATicketOfAnotherHall_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var ticket = await app.Api(other.Kiosk).IssueAsync(other.Id, other.Item("A"));

        await Assert.ThrowsAnyAsync<Exception>(() => HallHubClient.ConnectAsync(app, hall.Id, ticket.Id));
    }
}

public sealed class SqlitePhoneHubTests(SqliteHallApp app) : PhoneHubTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPhoneHubTests(PostgresHallApp app) : PhoneHubTests(app), IClassFixture<PostgresHallApp>;
