using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Queue;

/// <summary>
/// The waiting counts the issue batch reads positions from are kept by database triggers: after
/// every kind of move into or out of the queue they must equal a count of the tickets themselves.
/// </summary>
public abstract class WaitingCountTests(HallApp app)
{
    [Fact]
    public async Task WaitingCounts_AfterIssueCallTransferNoShowRequeue_EqualTheQueue()
    {
        var hall = await TestHall.CreateAsync(app, ["A", "B"], configure: h => h.NoShowRequeueMinutes = 30);
        var kiosk = app.Api(hall.Kiosk);
        var staff = app.Api(hall.Staff[0]);
        var colleague = app.Api(hall.Staff[1]);
        var a = new List<TicketDto>();
        for (var n = 0; n < 4; n++)
            a.Add(await kiosk.IssueAsync(hall.Id, hall.Item("A")));
        await kiosk.IssueAsync(hall.Id, hall.Item("B"), "elderly");
        await AssertCountsMatchAsync(hall.Id);

        await staff.OpenAsync(hall.Counters[0]);
        await colleague.OpenAsync(hall.Counters[1]);
        var first = (await staff.CallNextAsync(hall.Counters[0]))!;
        await AssertCountsMatchAsync(hall.Id);
        await staff.ActAsync(hall.Counters[0], first.Id, "no-show");
        await kiosk.PostOkAsync<TicketDto>($"/api/tickets/{first.Id}/requeue");
        await AssertCountsMatchAsync(hall.Id);

        // Chosen out of order, then sent to another item and to one counter (which leaves the general queue).
        await staff.PostOkAsync<TicketDto>($"/api/counters/{hall.Counters[0]}/tickets/{a[2].Id}/call", new { reason = "预约优先" });
        await staff.ActAsync(hall.Counters[0], a[2].Id, "transfer", new { toServiceItemId = hall.Item("B"), reason = "属于B事项" });
        await AssertCountsMatchAsync(hall.Id);
        var next = (await staff.CallNextAsync(hall.Counters[0]))!;
        await staff.ActAsync(hall.Counters[0], next.Id, "transfer", new { toCounterId = hall.Counters[1], reason = "需2号窗口复核" });
        await AssertCountsMatchAsync(hall.Id);

        var served = (await colleague.CallNextAsync(hall.Counters[1]))!;
        await colleague.ActAsync(hall.Counters[1], served.Id, "start");
        await colleague.ActAsync(hall.Counters[1], served.Id, "finish");
        await AssertCountsMatchAsync(hall.Id);
        Assert.Equal(4, (await CountsAsync(hall.Id)).Sum(c => c.Waiting));
    }

    [Fact]
    public async Task IssueTicket_PeopleAhead_FollowsTheCountsAcrossBatchesAndLanes()
    {
        var hall = await TestHall.CreateAsync(app, ["A"]);
        var kiosk = app.Api(hall.Kiosk);
        var tickets = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => kiosk.IssueAsync(hall.Id, hall.Item("A"))));
        Assert.Equal(Enumerable.Range(0, 12), tickets.Select(t => t.PeopleAhead!.Value).Order());

        var emergency = await kiosk.IssueAsync(hall.Id, hall.Item("A"), "emergency");
        Assert.Equal(0, emergency.PeopleAhead);
        var normal = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        Assert.Equal(13, normal.PeopleAhead);
        await AssertCountsMatchAsync(hall.Id);
    }

    private Task<List<WaitingCount>> CountsAsync(Guid hallId) =>
        app.WithDbAsync(db => db.WaitingCounts.AsNoTracking().Where(c => c.HallId == hallId && c.Waiting != 0).ToListAsync());

    private async Task AssertCountsMatchAsync(Guid hallId)
    {
        var actual = await app.WithDbAsync(db => db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.Status == TicketStatus.Waiting && t.TargetCounterId == null)
            .GroupBy(t => new { t.ServiceItemId, t.Priority })
            .Select(g => new { g.Key.ServiceItemId, g.Key.Priority, Count = g.Count() })
            .ToListAsync());
        var kept = await CountsAsync(hallId);
        Assert.Equal(
            actual.Select(x => (x.ServiceItemId, x.Priority, x.Count)).Order(),
            kept.Select(x => (x.ServiceItemId, x.Priority, x.Waiting)).Order());
    }
}

public sealed class SqliteWaitingCountTests(SqliteHallApp app) : WaitingCountTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresWaitingCountTests(PostgresHallApp app) : WaitingCountTests(app), IClassFixture<PostgresHallApp>;
