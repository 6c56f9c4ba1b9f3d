using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Queue;

/// <summary>
/// The statements the ticket batch writes with instead of SaveChanges (ADR-003): they must store
/// exactly what EF would, on both providers.
/// </summary>
public abstract class TicketWritesTests(HallApp app)
{
    [Fact]
    public async Task AllocateNumbers_SeveralItemsAtOnce_EachGetsItsOwnConsecutiveRange()
    {
        var hall = await TestHall.CreateAsync(app, ["A", "B", "C"]);
        var day = app.Today;
        await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));

        var firsts = await app.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync();
            var first = await TicketNumbers.AllocateAsync(db,
                [new(hall.Id, hall.Item("A"), day, 3), new(hall.Id, hall.Item("B"), day, 2), new(hall.Id, hall.Item("C"), day, 1)],
                CancellationToken.None);
            var again = await TicketNumbers.AllocateAsync(db, hall.Id, hall.Item("A"), day, 1, CancellationToken.None);
            await write.CommitAsync();
            return first.Append(again).ToArray();
        });

        // A is new today (1–3, then 4); B had one ticket (2–3); C is new (1).
        Assert.Equal([1, 2, 1, 4], firsts);
        var next = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("B"));
        Assert.Equal("B004", next.Number);
    }

    [Fact]
    public async Task AllocateNumbers_SameItemTwiceInOneCall_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync();
            await Assert.ThrowsAsync<ArgumentException>(() => TicketNumbers.AllocateAsync(db,
                [new(hall.Id, hall.Item("A"), app.Today, 1), new(hall.Id, hall.Item("A"), app.Today.AddDays(1), 1)],
                CancellationToken.None));
        });
    }

    [Fact]
    public async Task MultiRowInsert_Tickets_ReadBackByEfAsWritten()
    {
        var hall = await TestHall.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var tickets = Enumerable.Range(1, 40).Select(n => new Ticket
        {
            Id = Guid.CreateVersion7(),
            HallId = hall.Id,
            ServiceItemId = hall.Item(n % 2 == 0 ? "A" : "B"),
            BusinessDay = app.Today,
            Sequence = 900 + n,
            // A quote in a value checks the literals are escaped.
            Number = n == 7 ? "X'907" : $"X{900 + n}",
            Priority = n % 5 == 0 ? TicketPriority.Emergency : n % 3 == 0 ? TicketPriority.Elderly : TicketPriority.Normal,
            Channel = n % 2 == 0 ? TicketChannel.Kiosk : TicketChannel.Appointment,
            Status = TicketStatus.Waiting,
            IssuedAt = now,
            QueuedAt = now.AddSeconds(n),
            AppointmentStart = n % 2 == 0 ? null : now.AddMinutes(n),
            AppointmentEnd = n % 2 == 0 ? null : now.AddMinutes(n + 30),
        }).ToList();

        await app.WithDbAsync(async db =>
        {
            await using var write = await db.BeginWriteAsync();
            await MultiRowInsert<Ticket>.InsertAsync(db, tickets, CancellationToken.None);
            await write.CommitAsync();
        });
        var stored = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.HallId == hall.Id)
            .OrderBy(t => t.Sequence).ToListAsync());

        Assert.Equal(tickets.Count, stored.Count);
        foreach (var (expected, actual) in tickets.Zip(stored))
        {
            Assert.Equivalent(expected, actual, strict: true);
            Assert.Equal(expected.Lane, actual.Lane);
            Assert.Equal(DateTimeKind.Utc, actual.QueuedAt.Kind);
        }
        // Stored with the model's conversions, so EF's own filters find the rows.
        var emergencies = await app.WithDbAsync(db => db.Tickets.CountAsync(t =>
            t.HallId == hall.Id && t.Priority == TicketPriority.Emergency && t.Status == TicketStatus.Waiting && t.Lane == 0
            && t.QueuedAt > now && t.BusinessDay == app.Today));
        Assert.Equal(8, emergencies);
        // Keys and times are stored in the form EF's parameters use, so lookups by them match.
        var byKey = await app.WithDbAsync(db => db.Tickets.AsNoTracking()
            .CountAsync(t => t.Id == tickets[6].Id && t.QueuedAt == tickets[6].QueuedAt && t.Number == "X'907"));
        Assert.Equal(1, byKey);
    }

    [Fact]
    public async Task MultiRowInsert_OutsideAWriteTransaction_Refused()
    {
        await app.WithDbAsync(async db =>
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                MultiRowInsert<Ticket>.InsertAsync(db, [new Ticket { Number = "A001" }], CancellationToken.None)));
    }
}

public sealed class SqliteTicketWritesTests(SqliteHallApp app) : TicketWritesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresTicketWritesTests(PostgresHallApp app) : TicketWritesTests(app), IClassFixture<PostgresHallApp>;
