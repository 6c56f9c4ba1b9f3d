using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Staffing;

/// <summary>
/// The staffing plan counts its history weeks in the database per quarter-hour; this holds those counts, and the
/// demand made of them, to the per-ticket reading of the same tickets — on a scripted fortnight of a hall in
/// Kathmandu (UTC+5:45), so that quarter-hours, not hours, must line up with the hall's local hours.
/// </summary>
public abstract class StaffingHistoryBucketTests(HallApp app)
{
    [Fact]
    public async Task Buckets_ScriptedFortnight_SameAsThePerTicketReading()
    {
        var hall = await TestHall.CreateAsync(app, ["A", "B"], configure: h => h.TimeZoneId = "Asia/Kathmandu");
        var other = await TestHall.CreateAsync(app, ["A"]);
        var clock = new HallClock("Asia/Kathmandu");
        var today = clock.BusinessDay(app.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-14);
        var random = new Random(15);
        await app.WithDbAsync(async db =>
        {
            // Each day and item: arrivals on the hour and the quarter to the tick, a tick before them, and at random;
            // every status, channel and priority; services and no-shows of fractional minutes, and a few that end
            // before they begin (left out of the minutes).
            foreach (var day in Enumerable.Range(-1, 16).Select(from.AddDays))
            foreach (var item in new[] { hall.Item("A"), hall.Item("B"), other.Item("A") })
            for (var i = 0; i < 40; i++)
            {
                var local = i switch
                {
                    0 => new TimeOnly(10, 0),
                    1 => new TimeOnly(9, 59, 59, 999).Add(TimeSpan.FromTicks(9_999)),
                    2 => new TimeOnly(11, 15),
                    3 => new TimeOnly(11, 14, 59, 999),
                    _ => new TimeOnly(8, 0).Add(TimeSpan.FromSeconds(random.NextDouble() * 9 * 3600)),
                };
                var issued = clock.ToUtc(day, local);
                var channel = i % 7 == 0 ? TicketChannel.Transfer : TicketChannel.Kiosk;
                var queued = channel == TicketChannel.Transfer ? issued.AddMinutes(random.Next(5, 50)) : issued;
                var status = i % 7 == 3 ? TicketStatus.NoShow : random.Next(0, 10) switch
                {
                    0 => TicketStatus.Expired,
                    1 => TicketStatus.Transferred,
                    2 => TicketStatus.Called,
                    _ => TicketStatus.Done,
                };
                DateTime? called = status == TicketStatus.Expired ? null : queued.AddMinutes(random.NextDouble() * 20);
                DateTime? started = status == TicketStatus.Done ? called!.Value.AddSeconds(random.Next(0, 90)) : null;
                db.Tickets.Add(new Ticket
                {
                    Id = Guid.CreateVersion7(), HallId = item == other.Item("A") ? other.Id : hall.Id, ServiceItemId = item, BusinessDay = day,
                    Sequence = i + 1, Number = $"A{i + 1:000}", Status = status, Channel = channel,
                    Priority = (TicketPriority)(i % Enum.GetValues<TicketPriority>().Length), IssuedAt = issued, QueuedAt = queued,
                    CalledAt = called, StartedAt = started,
                    FinishedAt = started?.AddMinutes(i % 11 == 5 ? -1 : random.NextDouble() * 15),
                    NoShowAt = status == TicketStatus.NoShow ? called!.Value.AddMinutes(i % 9 == 2 ? -0.5 : random.NextDouble() * 4) : null,
                });
            }
            await db.SaveChangesAsync();
        });

        var (counted, tickets, items) = await app.WithDbAsync(async db => (
            await StaffingHistorySql.BucketsAsync(db, hall.Id, from, today, default),
            await db.Tickets.AsNoTracking().Where(t => t.HallId == hall.Id && t.BusinessDay >= from && t.BusinessDay < today)
                .Select(t => new HistoryTicket(t.ServiceItemId, t.Channel, t.Priority, t.Status, t.IssuedAt, t.QueuedAt, t.CalledAt,
                    t.StartedAt, t.FinishedAt, t.NoShowAt))
                .ToListAsync(),
            await db.ServiceItems.Where(i => i.HallId == hall.Id)
                .Select(i => new ItemDefaults(i.Id, i.AverageServiceMinutes, i.MaxWaitMinutes)).ToListAsync()));
        Assert.Equal(2 * 14 * 40, tickets.Count);

        var reference = StaffingHistory.Buckets(tickets).OrderBy(b => b.ServiceItemId).ThenBy(b => b.Bucket).ToList();
        var database = counted.OrderBy(b => b.ServiceItemId).ThenBy(b => b.Bucket).ToList();
        Assert.Equal(reference.Select(b => (b.ServiceItemId, b.Bucket, b.Arrivals, b.Called, b.NoShows, b.Priority, b.Emergency, b.Services, b.NoShowHolds)),
            database.Select(b => (b.ServiceItemId, b.Bucket, b.Arrivals, b.Called, b.NoShows, b.Priority, b.Emergency, b.Services, b.NoShowHolds)));
        // SQLite reckons instants to the millisecond: minutes agree to a few millionths.
        Assert.All(reference.Zip(database), p =>
        {
            Assert.Equal(p.First.ServiceMinutes, p.Second.ServiceMinutes, 0.001);
            Assert.Equal(p.First.NoShowHoldMinutes, p.Second.NoShowHoldMinutes, 0.001);
        });

        var openDays = Enumerable.Range(0, 14).Select(from.AddDays).ToList();
        var perTicket = StaffingHistory.Demand(tickets, items, openDays, clock);
        var bucketed = StaffingHistory.Demand(database, items, openDays, clock);
        Assert.Equal(perTicket.NoShowMinutes, bucketed.NoShowMinutes, 0.0001);
        Assert.Equal(perTicket.PerHour.Keys.Order(), bucketed.PerHour.Keys.Order());
        Assert.Contains((today.AddDays(-1).DayOfWeek, 10), bucketed.PerHour.Keys);
        // In the same order too: the simulation draws each item from its own stream by its place in the hour's list.
        foreach (var (slot, demands) in perTicket.PerHour)
        {
            var fromBuckets = bucketed.PerHour[slot];
            Assert.Equal(demands.Select(d => (d.ItemId, d.ArrivalsPerHour, d.NoShowShare, d.PriorityShare, d.EmergencyShare,
                d.WaitThresholdMinutes)), fromBuckets.Select(d => (d.ItemId, d.ArrivalsPerHour, d.NoShowShare, d.PriorityShare, d.EmergencyShare,
                d.WaitThresholdMinutes)));
            Assert.All(demands.Zip(fromBuckets), p => Assert.Equal(p.First.ServiceMinutes, p.Second.ServiceMinutes, 0.0001));
        }
    }
}

public sealed class SqliteStaffingHistoryBucketTests(SqliteHallApp app) : StaffingHistoryBucketTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresStaffingHistoryBucketTests(PostgresHallApp app) : StaffingHistoryBucketTests(app), IClassFixture<PostgresHallApp>;
