using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Realtime;

namespace ServiceHall.IntegrationTests.Features.Nodes;

/// <summary>
/// P6 with two nodes in this process on one PostgreSQL database and Redis: a live page on one node sees the
/// other's changes within a second, and a background scan runs one round per period across both.
/// </summary>
public sealed class SeveralNodesTests(SeveralNodesApp app) : IClassFixture<SeveralNodesApp>
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Feed_ChangesOnNodeA_ReachPagesOnNodeBWithinASecond()
    {
        var hall = await TestHall.CreateAsync(app);
        using var nodeB = app.Node();
        var onB = new Recorder();
        var onA = new Recorder();
        using var pageOnB = SeveralNodesApp.FeedOf(nodeB).Subscribe(hall.Id, onB.Add);
        using var pageOnA = SeveralNodesApp.FeedOf(app).Subscribe(hall.Id, onA.Add);

        var kiosk = await app.Api(hall.Kiosk).SignInAsync();
        var staff = await app.Api(hall.Staff[0]).SignInAsync();
        var ticket = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        await staff.OpenAsync(hall.Counters[0]);
        await staff.CallNextAsync(hall.Counters[0]);

        // Each event reaches node B's page within a second of node A's page: the relay, not a re-read.
        foreach (var kind in new[] { HallEventKind.TicketIssued, HallEventKind.TicketCalled, HallEventKind.QueueChanged })
        {
            var (_, onAAt) = await onA.WaitForAsync(kind);
            var (_, onBAt) = await onB.WaitForAsync(kind);
            Assert.True(onBAt - onAAt < WithinASecond, $"{kind} reached node B {onBAt - onAAt} after node A");
        }
        Assert.Equal(ticket.Id, ((Core.Features.Queue.TicketView)(await onB.WaitForAsync(HallEventKind.TicketIssued)).Event.Payload).Id);
        var message = (TicketCalledMessage)(await onB.WaitForAsync(HallEventKind.TicketCalled)).Event.Payload;
        Assert.Equal(("A001", "请A001号到1号窗口办理"), (message.Number, message.Announcement));

        // Node A's own page had each event once, not again as an echo from Redis.
        await Task.Delay(300);
        Assert.Equal(1, onA.Count(HallEventKind.TicketCalled));
        Assert.Equal(1, onB.Count(HallEventKind.TicketCalled));
    }

    [Fact]
    public async Task Scan_TwoNodes_OneRoundPerPeriodAndTheOtherTakesOverWhenTheHolderStops()
    {
        (string, string) every = ("Deadlines:ScanSeconds", "1");
        var nodes = new[] { app.Node(every), app.Node(every) };
        var names = nodes.Select(SeveralNodesApp.NameOf).ToArray();
        var first = await WaitForLeaseAsync(l => names.Contains(l.Holder));
        var holder = Array.IndexOf(names, first.Holder);

        await Task.Delay(TimeSpan.FromSeconds(4));
        var later = await LeaseAsync();
        // Two nodes ticking every second would run eight rounds in four seconds; one holder runs four.
        Assert.Equal(first.Holder, later.Holder);
        Assert.InRange(later.Rounds - first.Rounds, 3, 5);

        nodes[holder].Dispose();
        var other = names[1 - holder];
        var taken = await WaitForLeaseAsync(l => l.Holder == other);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange((await LeaseAsync()).Rounds - taken.Rounds, 1, 3);
        nodes[1 - holder].Dispose();
    }

    [Fact]
    public async Task Limit_PhoneAtItsLimitOnNodeA_RefusedOnNodeB()
    {
        var hall = await TestHall.CreateAsync(app);
        (string, string) twoPerPhone = ("RateLimits:AnonymousTicketsPerWindow", "2");
        using var nodeA = app.Node(twoPerPhone);
        using var nodeB = app.Node(twoPerPhone);
        var noCookies = new WebApplicationFactoryClientOptions { HandleCookies = false };
        var onA = nodeA.CreateClient(noCookies);
        var onB = nodeB.CreateClient(noCookies);
        var body = new { serviceItemId = hall.Item("A") };

        var first = await onA.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body);
        await Expect.StatusAsync(first, HttpStatusCode.Created);
        // The phone's signed token: the same phone on either node (the nodes share the key ring).
        var phone = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PublicLimits.PhoneCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        onA.DefaultRequestHeaders.Add("Cookie", phone);
        onB.DefaultRequestHeaders.Add("Cookie", phone);
        await Expect.StatusAsync(await onB.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body), HttpStatusCode.Created);

        await Expect.ProblemAsync(await onA.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body),
            HttpStatusCode.TooManyRequests, DeviceErrorCodes.RateLimitedPhone);
        await Expect.ProblemAsync(await onB.PostAsJsonAsync($"/api/halls/{hall.Id}/tickets", body),
            HttpStatusCode.TooManyRequests, DeviceErrorCodes.RateLimitedPhone);
    }

    private Task<Core.Features.Nodes.ScanLease> LeaseAsync() =>
        app.WithDbAsync(db => db.ScanLeases.AsNoTracking().SingleAsync(l => l.Name == "DeadlineMonitor"));

    private async Task<Core.Features.Nodes.ScanLease> WaitForLeaseAsync(Func<Core.Features.Nodes.ScanLease, bool> match)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            var lease = await app.WithDbAsync(db => db.ScanLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == "DeadlineMonitor"));
            if (lease is not null && match(lease))
                return lease;
            await Task.Delay(100);
        }
        throw new TimeoutException("The scan's lease never came to the expected holder.");
    }

    /// <summary>What a page's subscription to the feed received.</summary>
    private sealed class Recorder
    {
        private readonly ConcurrentQueue<(HallEvent Event, TimeSpan At)> _events = new();
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public Task Add(HallEvent e)
        {
            _events.Enqueue((e, Clock.Elapsed));
            return Task.CompletedTask;
        }

        public int Count(HallEventKind kind) => _events.Count(e => e.Event.Kind == kind);

        /// <summary>The first event of the kind and when it arrived.</summary>
        public async Task<(HallEvent Event, TimeSpan At)> WaitForAsync(HallEventKind kind)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                var found = _events.FirstOrDefault(e => e.Event.Kind == kind);
                if (found.Event is not null)
                    return found;
                await Task.Delay(5);
            }
            throw new TimeoutException($"No {kind} arrived; got {string.Join(", ", _events.Select(e => e.Event.Kind))}");
        }
    }
}
