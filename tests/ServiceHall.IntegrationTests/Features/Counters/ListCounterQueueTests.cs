using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Counters;

/// <summary>
/// The counter workstation's list of who is next reads only the head of each lane, yet gives exactly
/// what ordering every callable ticket would: a mixed queue (items the counter does not serve, every
/// priority, overdue tickets, due and later appointments, tickets sent to this and another counter).
/// </summary>
public abstract class ListCounterQueueTests(HallApp app)
{
    [Theory]
    [InlineData(PriorityPolicy.Strict)]
    [InlineData(PriorityPolicy.Interleave)]
    public async Task List_MixedQueue_SameAsOrderingEveryCallableTicket(PriorityPolicy policy)
    {
        var hall = await TestHall.CreateAsync(app, prefixes: ["A", "B", "C"], configure: h =>
        {
            h.PriorityPolicy = policy;
            h.InterleaveNormalsPerPriority = 2;
        });
        var counterId = hall.Counters[0];
        await app.WithDbAsync(async db =>
        {
            // Counter 1 serves A and B; C waits for counter 2, except what is sent to counter 1.
            db.CounterServiceItems.RemoveRange(db.CounterServiceItems.Where(s => s.CounterId == counterId && s.ServiceItemId == hall.Item("C")));
            db.Tickets.AddRange(MixedQueue(hall, app.Clock.GetUtcNow().UtcDateTime, app.Today));
            await using var write = await db.BeginWriteAsync();
            await db.SaveChangesAsync();
            await write.CommitAsync();
        });

        var expected = await EveryCallableInOrderAsync(hall, counterId);
        Assert.True(expected.Count > 60, "The queue is long enough to test the lane heads.");
        foreach (var take in new[] { 1, 5, 20, 200 })
        {
            using var scope = app.Services.CreateScope();
            var listed = await scope.ServiceProvider.GetRequiredService<ListCounterQueue>().HandleAsync(counterId, take, CancellationToken.None);
            Assert.Equal(expected.Take(take), listed.Next.Select(e => e.TicketId));
            Assert.Equal(expected.Count, listed.Waiting);
        }
    }

    private static List<Ticket> MixedQueue(TestHall hall, DateTime now, DateOnly today)
    {
        TicketPriority[] priorities =
            [TicketPriority.Normal, TicketPriority.Elderly, TicketPriority.Normal, TicketPriority.Emergency, TicketPriority.Pregnant,
             TicketPriority.Normal, TicketPriority.Disabled, TicketPriority.Normal, TicketPriority.Military];
        string[] items = ["A", "B", "C", "A", "B"];
        return Enumerable.Range(1, 90).Select(n =>
        {
            // Queued from 30 minutes ago on: the oldest are past their item's 10-minute threshold.
            var queuedAt = now.AddMinutes(-30).AddSeconds(n * 15);
            var appointment = n % 17 == 0 ? now.AddMinutes(n % 2 == 0 ? -5 : 20) : (DateTime?)null;
            return new Ticket
            {
                Id = Guid.CreateVersion7(),
                HallId = hall.Id,
                ServiceItemId = hall.Item(items[n % items.Length]),
                BusinessDay = today,
                Sequence = n,
                Number = $"Q{n:000}",
                Priority = priorities[n % priorities.Length],
                Channel = appointment is null ? TicketChannel.Kiosk : TicketChannel.Appointment,
                Status = TicketStatus.Waiting,
                IssuedAt = queuedAt,
                QueuedAt = queuedAt,
                AppointmentStart = appointment,
                AppointmentEnd = appointment?.AddMinutes(30),
                TargetCounterId = n % 23 == 0 ? hall.Counters[n % 2] : null,
            };
        }).ToList();
    }

    /// <summary>The order of every ticket the counter may take, read in full: what the list must agree with.</summary>
    private Task<List<Guid>> EveryCallableInOrderAsync(TestHall hall, Guid counterId) => app.WithDbAsync(async db =>
    {
        var counter = await db.Counters.AsNoTracking().Include(c => c.ServiceItems).SingleAsync(c => c.Id == counterId);
        var hallRow = await db.Halls.AsNoTracking().SingleAsync(h => h.Id == hall.Id);
        var items = counter.ServiceItems.Select(s => s.ServiceItemId).ToList();
        var candidates = await db.Tickets
            .Where(t => t.HallId == hall.Id && t.Status == TicketStatus.Waiting
                && ((t.TargetCounterId == null && items.Contains(t.ServiceItemId)) || t.TargetCounterId == counterId))
            .Join(db.ServiceItems, t => t.ServiceItemId, i => i.Id, (t, i) => new QueueCandidate(t.Id, t.Priority, t.QueuedAt,
                t.IssuedAt, i.MaxWaitMinutes, t.AppointmentStart, t.AppointmentEnd, t.Sequence))
            .ToListAsync();
        return QueueSelector.Order(candidates, QueuePolicy.From(hallRow), app.Clock.GetUtcNow().UtcDateTime).Select(c => c.Id).ToList();
    });
}

public sealed class SqliteListCounterQueueTests(SqliteHallApp app) : ListCounterQueueTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresListCounterQueueTests(PostgresHallApp app) : ListCounterQueueTests(app), IClassFixture<PostgresHallApp>;
