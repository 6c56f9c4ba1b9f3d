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
