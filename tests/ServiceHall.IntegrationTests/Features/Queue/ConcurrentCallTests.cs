using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Queue;

/// <summary>
/// 16 counters calling concurrently over 2,000 tickets: every ticket is called exactly once, and in
/// the policy's order as far as concurrency allows — a call never takes a ticket ranked behind
/// more tickets than calls have been started so far.
/// </summary>
public abstract class ConcurrentCallTests(HallApp app)
{
    private const int Tickets = 2000;
    private const int Callers = 16;

    [Fact]
    public async Task CallNext_SixteenCountersTwoThousandTickets_EachCalledOnceInPolicyOrder()
    {
        var hall = await TestHall.CreateAsync(app, prefixes: ["A"], counters: Callers, staff: Callers);
        var kiosk = await app.Api(hall.Kiosk).SignInAsync();
        string[] priorities = ["normal", "normal", "elderly", "normal", "pregnant", "normal", "emergency", "normal", "disabled", "military"];
        var issued = new List<TicketDto>();
        foreach (var chunk in Enumerable.Range(0, Tickets).Chunk(Callers))
            issued.AddRange(await Task.WhenAll(chunk.Select(i => kiosk.IssueAsync(hall.Id, hall.Item("A"), priorities[i % priorities.Length]))));

        // The strict policy's order for a queue issued all at once: lane, then number of the day.
        var rank = issued
            .OrderBy(t => t.Priority == "emergency" ? 0 : t.Priority == "normal" ? 2 : 1)
            .ThenBy(t => int.Parse(t.Number[1..]))
            .Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var staff = await Task.WhenAll(hall.Staff.Select(name => app.Api(name).SignInAsync()));
        for (var i = 0; i < Callers; i++)
            await staff[i].OpenAsync(hall.Counters[i]);
        var started = 0;
        var violations = new List<string>();
        var calledBy = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                Interlocked.Increment(ref started);
                var ticket = await staff[i].CallNextAsync(hall.Counters[i]);
                if (ticket is null)
                    return mine;
                var startedSoFar = Volatile.Read(ref started);
                if (rank[ticket.Id] >= startedSoFar)
                    lock (violations)
                        violations.Add($"{ticket.Number} ranked {rank[ticket.Id]} called after only {startedSoFar} calls began");
                mine.Add(ticket.Id);
                await staff[i].ActAsync(hall.Counters[i], ticket.Id, "start");
                await staff[i].ActAsync(hall.Counters[i], ticket.Id, "finish");
            }
        }));

        var all = calledBy.SelectMany(c => c).ToList();
        Assert.Equal(Tickets, all.Count);
        Assert.Equal(Tickets, all.Distinct().Count());
        Assert.Empty(violations);
        // Each counter's own calls follow the policy order strictly.
        Assert.All(calledBy, mine => Assert.Equal(mine.Select(id => rank[id]).Order(), mine.Select(id => rank[id])));
        var callEvents = await app.WithDbAsync(db => db.TicketEvents
            .Where(e => e.HallId == hall.Id && e.Kind == TicketEventKind.Called)
            .GroupBy(e => e.TicketId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Tickets, callEvents.Count);
        Assert.All(callEvents, n => Assert.Equal(1, n));
        Assert.Equal(Tickets, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id && t.Status == TicketStatus.Done)));
    }
}

public sealed class SqliteConcurrentCallTests(SqliteHallApp app) : ConcurrentCallTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresConcurrentCallTests(PostgresHallApp app) : ConcurrentCallTests(app), IClassFixture<PostgresHallApp>;
