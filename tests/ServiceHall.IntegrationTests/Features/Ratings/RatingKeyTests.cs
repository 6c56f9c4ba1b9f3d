using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Ratings;

/// <summary>
/// Only the citizen who was served rates (S1, ADR-017): with the ticket's key from its QR code, or on the pad of
/// the counter that served within minutes of the end. A ticket id read off the display or the hub rates nothing.
/// </summary>
public abstract class RatingKeyTests(HallApp app)
{
    private async Task<(TestHall Hall, TicketDto Issued, string Key)> ServedAsync()
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await app.Api(hall.Kiosk).PostAsync($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A") });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var key = issued["ratingKey"]!.GetValue<string>();
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var ticket = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], ticket.Id, "start");
        await staff.ActAsync(hall.Counters[0], ticket.Id, "finish");
        return (hall, ticket, key);
    }

    private Task<int> FollowUpsAsync(Guid hallId) => app.WithDbAsync(db => db.RatingFollowUps.CountAsync(f => f.HallId == hallId));

    [Fact]
    public async Task ForgedVeryDissatisfied_WithoutTheKey_OrByAnAccount_OpensNoFollowUp()
    {
        var (hall, ticket, key) = await ServedAsync();
        var forged = new { level = "veryDissatisfied", comment = "态度恶劣" };
        var url = $"/api/tickets/{ticket.Id}/rating";
        // Anonymous with the public ticket id only, or a wrong key.
        await Expect.ProblemAsync(await app.Api().PostAsync(url, forged), HttpStatusCode.Forbidden, "RatingKeyInvalid");
        await Expect.ProblemAsync(await app.Api().PostAsync($"{url}?k={new string('A', 22)}", forged), HttpStatusCode.Forbidden, "RatingKeyInvalid");
        await Expect.ProblemAsync(await app.Api().GetAsync(url), HttpStatusCode.Forbidden, "RatingKeyInvalid");
        // Accounts are not the citizen, even holding the key.
        var display = await TestDevices.AddAsync(app, hall.Id, Core.Features.Devices.DeviceKind.Display);
        foreach (var account in new[] { hall.Staff[0], hall.Staff[1], hall.Supervisor, hall.Kiosk, display, "admin" })
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(account).PostAsync($"{url}?k={key}", forged)).StatusCode);
        Assert.Equal(0, await FollowUpsAsync(hall.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Ratings.CountAsync(r => r.TicketId == ticket.Id)));

        // The citizen with the key from the QR code rates, and the bad rating is followed up.
        var rating = await app.Api().PostOkAsync<JsonObject>($"{url}?k={key}", forged);
        Assert.Equal("phone", rating["channel"]!.GetValue<string>());
        Assert.Equal(1, await FollowUpsAsync(hall.Id));
        Assert.Equal("veryDissatisfied", (await app.Api().GetOkAsync<JsonObject>($"{url}?k={key}"))["rating"]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_OnlyInTheIssuersAnswerAndTheQrCode_NeverInTheTicketsPublicView()
    {
        var (_, ticket, key) = await ServedAsync();
        var view = await (await app.Api().GetAsync($"/api/tickets/{ticket.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, view);
        // The QR code is drawn for the holder of the key only, with the key in the phone link.
        await Expect.ProblemAsync(await app.Api().GetAsync($"/api/tickets/{ticket.Id}/qr.svg"), HttpStatusCode.NotFound, "TicketNotFound");
        await Expect.StatusAsync(await app.Api().GetAsync($"/api/tickets/{ticket.Id}/qr.svg?k={key}"), HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.RatingKey).FirstAsync());
        Assert.Equal(key, stored);
        Assert.Equal(22, key.Length);
    }

    [Fact]
    public async Task Pad_RatesOnlyWithinItsMinutesOfTheFinish()
    {
        var (hall, ticket, key) = await ServedAsync();
        var pad = app.Api(await SupervisionFlows.AddUserAsync(app, hall.Id, Roles.RatingPad));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await Expect.ProblemAsync(await pad.PostAsync($"/api/tickets/{ticket.Id}/rating", new { level = "veryDissatisfied" }),
            HttpStatusCode.Conflict, "RatingPadTooLate");
        Assert.Equal(0, await FollowUpsAsync(hall.Id));
        // The citizen still rates from the phone within the window.
        await app.Api().PostOkAsync<JsonObject>($"/api/tickets/{ticket.Id}/rating?k={key}", new { level = "satisfied" });
    }
}

public sealed class SqliteRatingKeyTests(SqliteHallApp app) : RatingKeyTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRatingKeyTests(PostgresHallApp app) : RatingKeyTests(app), IClassFixture<PostgresHallApp>;
