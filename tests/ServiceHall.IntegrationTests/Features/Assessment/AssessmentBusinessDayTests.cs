using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Tallies;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Assessment.AssessmentMonth;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// The assessment counts a ticket in the month of its business day, as the day tallies, the ledger and the 好差评 figures
/// do (ADR-024, addendum): a ticket of 31 October called and finished after midnight counts in October, for the staff
/// member who called it, and the month's scores come from its days' tallies.
/// </summary>
public abstract class AssessmentBusinessDayTests(HallApp app)
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");

    private static double? Figure(JsonObject report, Guid unit, string indicator) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["unitId"]!.GetValue<Guid>() == unit)["figures"]!.AsArray()
            .Single(f => f.Str("indicator") == indicator)!["figure"]?.GetValue<double>();

    [Fact]
    public async Task TicketOfTheMonthsLastDay_FinishedAfterMidnight_CountsInThatMonth_FromItsDaysTally()
    {
        var m = await CreateAsync(app);
        var (item, counter) = (m.Hall.Item("A"), m.Hall.Counters[0]);
        var lastDay = new DateOnly(Year, Month, 31);
        // Queued 23:50 on 31 October, called 00:05 on 1 November (15 minutes: over the 10-minute limit), served 00:06–00:11.
        var queued = Shanghai.ToUtc(lastDay, new TimeOnly(23, 50));
        var late = new Ticket
        {
            Id = Guid.CreateVersion7(), HallId = m.Hall.Id, ServiceItemId = item, BusinessDay = lastDay, Sequence = 99, Number = "A099",
            Status = TicketStatus.Done, IssuedAt = queued, QueuedAt = queued, CounterId = counter, CalledByUserId = m.Staff1,
            CalledAt = queued.AddMinutes(15), StartedAt = queued.AddMinutes(16), FinishedAt = queued.AddMinutes(21), RatingKey = "k99",
        };
        await app.WithDbAsync(async db =>
        {
            db.Tickets.Add(late);
            db.TicketEvents.Add(new TicketEvent { TicketId = late.Id, HallId = m.Hall.Id, Kind = TicketEventKind.Finished, At = late.FinishedAt!.Value,
                UserId = m.Staff1, CounterId = counter });
            db.Ratings.Add(new Rating
            {
                Id = Guid.CreateVersion7(), HallId = m.Hall.Id, TicketId = late.Id, TicketNumber = late.Number, CounterId = counter, StaffUserId = m.Staff1,
                ServiceItemId = item, DepartmentId = m.Department, Level = SatisfactionLevel.VerySatisfied, ServedAt = late.FinishedAt!.Value,
                BusinessDay = lastDay, RatedAt = late.FinishedAt!.Value.AddMinutes(1), Channel = RatingChannel.Phone,
            });
            await db.SaveChangesAsync();
        });
        var supervisor = app.Api(m.Hall.Supervisor);
        var url = $"/api/halls/{m.Hall.Id}/assessment";

        var october = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=staff");
        // The scripted month's 4 served, 2 long waits, 25 of 20 standard minutes and 2 good ratings of 3, each with this ticket.
        Assert.Equal(5, Figure(october, m.Staff1, "ticketsServed"));
        Assert.Equal(3, Figure(october, m.Staff1, "waitsOverTarget"));
        Assert.Equal(120, Figure(october, m.Staff1, "serviceTime"));
        Assert.Equal(75, Figure(october, m.Staff1, "satisfaction"));
        var november = await supervisor.GetOkAsync<JsonObject>($"{url}?year=2026&month=11&scope=staff");
        Assert.Equal(0, Figure(november, m.Staff1, "ticketsServed"));
        Assert.Equal(0, Figure(november, m.Staff1, "waitsOverTarget"));

        // The figures were read from October's day tallies, written by that first read; the drill-down lists the ticket.
        Assert.True(await app.WithDbAsync(db => db.Set<TalliedDay>().AnyAsync(d => d.HallId == m.Hall.Id && d.Day == lastDay)));
        async Task<List<string>> RecordsAsync(string month, string indicator) =>
            [.. (await supervisor.GetOkAsync<JsonArray>($"{url}/records?{month}&scope=staff&unitId={m.Staff1}&indicator={indicator}"))
                .Select(r => r.Str("reference"))];
        Assert.Contains("A099", await RecordsAsync(Query, "ticketsServed"));
        Assert.Equal([.. m.LongWaits, "A099"], await RecordsAsync(Query, "waitsOverTarget"));
        Assert.Equal(5, (await RecordsAsync(Query, "serviceTime")).Count);
        Assert.Empty(await RecordsAsync("year=2026&month=11", "ticketsServed"));
        // A department's and a counter's figures come from the same sums.
        var department = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=department");
        Assert.Equal(7, Figure(department, m.Department, "ticketsServed"));
        Assert.Equal(7, (await supervisor.GetOkAsync<JsonArray>(
            $"{url}/records?{Query}&scope=department&unitId={m.Department}&indicator=ticketsServed")).Count);
        var counters = await supervisor.GetOkAsync<JsonObject>($"{url}?{Query}&scope=counter");
        Assert.Equal(3, Figure(counters, counter, "waitsOverTarget"));
    }
}

public sealed class SqliteAssessmentBusinessDayTests(SqliteHallApp app) : AssessmentBusinessDayTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAssessmentBusinessDayTests(PostgresHallApp app) : AssessmentBusinessDayTests(app), IClassFixture<PostgresHallApp>;
