using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Ratings;

/// <summary>
/// The 好差评 figures count a rating and a service on the service's business day (the ticket's, which a rating now
/// carries), counted by the database per day and summed per month.
/// </summary>
public abstract class SatisfactionByServiceDayTests(HallApp app)
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");

    /// <summary>A finished ticket of the hall written as it stands, with its rating and follow-up when asked.</summary>
    private async Task<Ticket> ServedAsync(TestHall hall, DateOnly day, DateTime finished, SatisfactionLevel? level = null,
        DateTime? ratedAt = null, bool excluded = false, bool followedUp = false)
    {
        var staff = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(), RatingKey = RatingKeys.New(), HallId = hall.Id, ServiceItemId = hall.Item("A"),
            BusinessDay = day, Sequence = Random.Shared.Next(1, 1_000_000), Number = "A001", Status = TicketStatus.Done,
            Channel = TicketChannel.Kiosk, IssuedAt = finished.AddMinutes(-20), QueuedAt = finished.AddMinutes(-20),
            CalledAt = finished.AddMinutes(-10), StartedAt = finished.AddMinutes(-9), FinishedAt = finished, CounterId = hall.Counters[0],
            CalledByUserId = staff,
        };
        await app.WithDbAsync(async db =>
        {
            db.Tickets.Add(ticket);
            if (level is { } l)
            {
                var rating = new Rating
                {
                    Id = Guid.CreateVersion7(), HallId = hall.Id, TicketId = ticket.Id, TicketNumber = ticket.Number, CounterId = ticket.CounterId,
                    StaffUserId = staff, ServiceItemId = ticket.ServiceItemId, Level = l, Channel = RatingChannel.Phone, ServedAt = finished,
                    BusinessDay = day, RatedAt = ratedAt ?? finished.AddMinutes(2), IsBad = Rating.Bad(l),
                    ExcludedAt = excluded ? finished.AddDays(1) : null, ExclusionReason = excluded ? "误点" : null,
                };
                db.Ratings.Add(rating);
                if (followedUp)
                    db.RatingFollowUps.Add(new RatingFollowUp
                    {
                        Id = Guid.CreateVersion7(), HallId = hall.Id, RatingId = rating.Id, Stage = FollowUpStage.Closed, OpenedAt = rating.RatedAt,
                        CallbackDue = day.AddDays(1), ResolveDue = day.AddDays(15), CalledBackAt = rating.RatedAt.AddHours(2),
                        ClosedAt = rating.RatedAt.AddDays(3), CitizenSatisfied = true,
                    });
            }
            await db.SaveChangesAsync();
        });
        return ticket;
    }

    [Fact]
    public async Task Figures_ServiceFinishedAfterMidnight_CountOnItsBusinessDay_InFiguresAndLedger()
    {
        var hall = await TestHall.CreateAsync(app, ["A"]);
        // Yesterday's day ran past midnight: its last citizen was served at 00:30 today and rates from the phone now.
        var yesterday = app.Today.AddDays(-1);
        var late = await ServedAsync(hall, yesterday, Shanghai.ToUtc(app.Today, new TimeOnly(0, 30)));
        var rating = await app.Api().PostOkAsync<JsonObject>(await RatingUrlAsync(app, late.Id), new { level = "satisfied" });
        Assert.Equal(yesterday, await app.WithDbAsync(db => Task.FromResult(db.Ratings.Single(r => r.Id == rating["id"]!.GetValue<Guid>()).BusinessDay)));

        var supervisor = app.Api(hall.Supervisor);
        var onItsDay = Assert.Single(await supervisor.GetOkAsync<List<JsonObject>>(
            $"/api/halls/{hall.Id}/ratings/figures?from={Iso(yesterday)}&to={Iso(yesterday)}&by=staff"));
        Assert.Equal(1, onItsDay["finished"]!.GetValue<int>());
        Assert.Equal(1, onItsDay["satisfied"]!.GetValue<int>());
        Assert.Equal(0, onItsDay["unrated"]!.GetValue<int>());
        Assert.Equal(hall.Staff[0], onItsDay["name"]!.GetValue<string>());
        Assert.Empty(await supervisor.GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/ratings/figures?from={Iso(app.Today)}&to={Iso(app.Today)}"));

        var ledger = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={Iso(yesterday)}&to={Iso(app.Today)}");
        var line = Assert.Single(ledger["items"]!.AsArray());
        Assert.Equal(Iso(yesterday), line!["periodStart"]!.GetValue<string>());
        Assert.Equal(1, line["satisfied"]!.GetValue<int>());
    }

    [Fact]
    public async Task ByMonth_DaysSummedPerMonth_RatedLaterCountsInTheServicesMonth_EmptyMonthEmpty()
    {
        var hall = await TestHall.CreateAsync(app, ["A"]);
        var other = await TestHall.CreateAsync(app, ["A"]);
        DateTime At(DateOnly day) => Shanghai.ToUtc(day, new TimeOnly(15, 0));
        var august = new DateOnly(2026, 8, 31);
        // August: four services — very satisfied; very dissatisfied, called back and closed to the citizen's satisfaction;
        // a bad one removed on appeal; and one rated only on 2 September. October: one unrated. Another hall's: not counted.
        await ServedAsync(hall, august.AddDays(-30), At(august.AddDays(-30)), SatisfactionLevel.VerySatisfied);
        await ServedAsync(hall, august.AddDays(-1), At(august.AddDays(-1)), SatisfactionLevel.VeryDissatisfied, followedUp: true);
        await ServedAsync(hall, august, At(august), SatisfactionLevel.Dissatisfied, excluded: true);
        await ServedAsync(hall, august, At(august), SatisfactionLevel.Satisfied, ratedAt: At(august.AddDays(2)));
        await ServedAsync(hall, new DateOnly(2026, 10, 1), At(new DateOnly(2026, 10, 1)));
        await ServedAsync(other, august, At(august), SatisfactionLevel.VeryDissatisfied);

        var months = await app.Api(hall.Supervisor).GetOkAsync<List<JsonObject>>(
            $"/api/halls/{hall.Id}/statistics/satisfaction/months?from=2026-08-15&to=2026-10-31");
        Assert.Equal(["2026-08", "2026-09", "2026-10"], months.Select(m => m["month"]!.GetValue<string>()));
        Assert.Equal("2026-08-15", months[0]["from"]!.GetValue<string>());
        var aug = months[0]["figure"]!;
        Assert.Equal(3, aug["finished"]!.GetValue<int>()); // the one of 1 August is before the period
        Assert.Equal(0, aug["unrated"]!.GetValue<int>());
        Assert.Equal(2, aug["total"]!.GetValue<int>());
        Assert.Equal(1, aug["excluded"]!.GetValue<int>());
        Assert.Equal(0.5, aug["satisfactionRate"]!.GetValue<double>());
        Assert.Equal(1, aug["bad"]!.GetValue<int>());
        Assert.Equal(1.0, aug["callbackRate"]!.GetValue<double>());
        Assert.Equal(1.0, aug["followUpSatisfactionRate"]!.GetValue<double>());
        var sep = months[1]["figure"]!;
        Assert.Equal(0, sep["finished"]!.GetValue<int>());
        Assert.Equal(0, sep["total"]!.GetValue<int>());
        Assert.Null(sep["satisfactionRate"]);
        var oct = months[2]["figure"]!;
        Assert.Equal(1, oct["finished"]!.GetValue<int>());
        Assert.Equal(1.0, oct["unratedRate"]!.GetValue<double>());
    }
}

public sealed class SqliteSatisfactionByServiceDayTests(SqliteHallApp app) : SatisfactionByServiceDayTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSatisfactionByServiceDayTests(PostgresHallApp app) : SatisfactionByServiceDayTests(app), IClassFixture<PostgresHallApp>;
