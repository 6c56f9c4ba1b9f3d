using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Ratings;

/// <summary>A bad rating's optional callback phone (S1, P3): sealed, masked, revealed to the follow-up's owner or a supervisor with an audited purpose.</summary>
public abstract class RatingCallbackPhoneTests(HallApp app)
{
    [Fact]
    public async Task BadRatingWithPhone_SealedMaskedAndRevealedOnlyToOwnerOrSupervisorAudited()
    {
        var hall = await TestHall.CreateAsync(app);
        var pad = app.Api(await AddUserAsync(app, hall.Id, Roles.RatingPad));
        var ticket = await FinishedTicketAsync(app, hall);

        var rating = await pad.PostOkAsync<JsonObject>($"/api/tickets/{ticket.Id}/rating",
            new { level = "veryDissatisfied", reasons = new[] { "attitude" }, contactPhone = "139 1234 5678" });
        Assert.Equal("139****5678", rating.Str("contactPhoneMasked"));
        var followUpId = rating["followUpId"]!.GetValue<Guid>();
        var stored = await app.WithDbAsync(db => db.Ratings.SingleAsync(r => r.TicketId == ticket.Id));
        Assert.NotEmpty(stored.ContactPhoneCipher);
        Assert.DoesNotContain("1234", stored.ContactPhoneCipher);
        Assert.DoesNotContain("5678", stored.ContactPhoneCipher);

        var supervisor = app.Api(hall.Supervisor);
        var raw = await (await supervisor.GetAsync($"/api/halls/{hall.Id}/rating-follow-ups")).Content.ReadAsStringAsync();
        Assert.Contains("139****5678", raw);
        Assert.DoesNotContain("1234", raw);

        var url = $"/api/rating-follow-ups/{followUpId}/contact";
        await Expect.ProblemAsync(await supervisor.PostAsync(url, new { }), HttpStatusCode.BadRequest, "Required");
        // A staff member who does not own the rectification may not read it; anonymous callers are not let in at all.
        await Expect.ProblemAsync(await app.Api(hall.Staff[0]).PostAsync(url, new { purpose = "回访" }), HttpStatusCode.Forbidden, "FollowUpNotOwner");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync(url, new { purpose = "回访" })).StatusCode);
        var other = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await app.Api(other.Supervisor).PostAsync(url, new { purpose = "回访" }), HttpStatusCode.Forbidden, "OtherHall");

        var contact = await supervisor.PostOkAsync<JsonObject>(url, new { purpose = "差评回访" });
        Assert.Equal("139 1234 5678", contact.Str("phone"));

        // Once verified and given to a staff member to rectify, the owner reads it too.
        await supervisor.PostOkAsync<JsonObject>($"/api/rating-follow-ups/{followUpId}/callback", new { note = "已回访" });
        var owner = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await supervisor.PostOkAsync<JsonObject>($"/api/rating-follow-ups/{followUpId}/verify",
            new { confirmed = true, note = "属实", ownerUserId = owner, rectifyWorkingDays = 5 });
        var byOwner = await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>(url, new { purpose = "告知整改结果" });
        Assert.Equal("139 1234 5678", byOwner.Str("phone"));
        await Expect.ProblemAsync(await app.Api(hall.Staff[1]).PostAsync(url, new { purpose = "好奇" }), HttpStatusCode.Forbidden, "FollowUpNotOwner");

        var reads = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.SubjectId == stored.Id).OrderBy(r => r.ReadAt).ToListAsync());
        Assert.Equal(["差评回访", "告知整改结果"], reads.Select(r => r.Purpose));
        Assert.Equal([await TestHall.UserIdAsync(app, hall.Supervisor), owner], reads.Select(r => r.ReaderUserId));
        Assert.All(reads, r => Assert.Equal("Rating", r.SubjectType));
    }

    [Fact]
    public async Task PhoneOnlyKeptForBadRating_InvalidRefused_NoPhoneNoReveal()
    {
        var hall = await TestHall.CreateAsync(app);
        var phone = app.Api();
        var good = await FinishedTicketAsync(app, hall);
        var kept = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, good.Id), new { level = "satisfied", contactPhone = "13912345678" });
        Assert.Null(kept["contactPhoneMasked"]);
        Assert.Empty(await app.WithDbAsync(db => db.Ratings.Where(r => r.TicketId == good.Id).Select(r => r.ContactPhoneCipher).SingleAsync()));

        var bad = await FinishedTicketAsync(app, hall);
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, bad.Id), new { level = "dissatisfied", contactPhone = "call me" }),
            HttpStatusCode.BadRequest, "RatingPhoneInvalid");
        await Expect.ProblemAsync(await phone.PostAsync(await SupervisionFlows.RatingUrlAsync(app, bad.Id), new { level = "dissatisfied", contactPhone = new string('1', 21) }),
            HttpStatusCode.BadRequest, "RatingPhoneInvalid");
        Assert.False(await app.WithDbAsync(db => db.Ratings.AnyAsync(r => r.TicketId == bad.Id)));
        var none = await phone.PostOkAsync<JsonObject>(await SupervisionFlows.RatingUrlAsync(app, bad.Id), new { level = "dissatisfied", contactPhone = " " });
        Assert.Null(none["contactPhoneMasked"]);
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).PostAsync($"/api/rating-follow-ups/{none["followUpId"]}/contact", new { purpose = "回访" }),
            HttpStatusCode.Conflict, "RatingNoContact");
    }
}

public sealed class SqliteRatingCallbackPhoneTests(SqliteHallApp app) : RatingCallbackPhoneTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRatingCallbackPhoneTests(PostgresHallApp app) : RatingCallbackPhoneTests(app), IClassFixture<PostgresHallApp>;
