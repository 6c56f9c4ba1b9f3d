using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Realtime;

/// <summary>P6: a phone receives what it shows — the hall's calls and its item's queue — not every issue of the hall.</summary>
public abstract class PhoneHubTests(HallApp app)
{
    [Fact]
    public async Task Hub_PhoneFollowingItsTicket_GetsCallsAndItsItemOnly()
    {
        var hall = await TestHall.CreateAsync(app);
        var kiosk = app.Api(hall.Kiosk);
        var mine = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await using var phone = await HallHubClient.ConnectAsync(app, hall.Id, mine.Id);
        await using var screen = await HallHubClient.ConnectAsync(app, hall.Id);

        await kiosk.IssueAsync(hall.Id, hall.Item("B"));
        await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);

        // The hall's call, whichever ticket it was.
        var call = await phone.WaitForAsync("TicketCalled");
        var queue = await phone.WaitForAsync("QueueChanged");
        var line = Assert.Single(queue["items"]!.AsArray());
        Assert.Equal(hall.Item("A"), line!["serviceItemId"]!.GetValue<Guid>());
        Assert.Empty(queue["alerts"]!.AsArray());
        // The screen saw both issues by then; the phone none.
        Assert.Equal(call["number"]!.GetValue<string>(), (await screen.WaitForAsync("TicketCalled"))["number"]!.GetValue<string>());
        Assert.Equal(2, screen.Count("TicketIssued"));
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
