using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceHall.Web.Localization;
using ServiceHall.Web.Realtime;

namespace ServiceHall.IntegrationTests.Realtime;

/// <summary>The in-process feed Blazor pages listen to: per hall, until disposed, in the listener's culture.</summary>
public sealed class HallEventFeedTests
{
    private readonly HallEventFeed _feed = new(NullLogger<HallEventFeed>.Instance);

    [Fact]
    public async Task Publish_ToItsHallOnly_UntilDisposed()
    {
        var hallA = Guid.NewGuid();
        var hallB = Guid.NewGuid();
        var seen = new List<HallEventKind>();
        var subscription = _feed.Subscribe(hallA, e =>
        {
            seen.Add(e.Kind);
            return Task.CompletedTask;
        });

        _feed.Publish(new HallEvent(hallA, HallEventKind.TicketIssued, new object()));
        _feed.Publish(new HallEvent(hallB, HallEventKind.TicketCalled, new object()));
        subscription.Dispose();
        _feed.Publish(new HallEvent(hallA, HallEventKind.QueueChanged, new object()));
        await Task.Yield();

        Assert.Equal([HallEventKind.TicketIssued], seen);
    }

    [Fact]
    public async Task Publish_FromAnotherCulture_HandlerRunsInSubscribersCulture()
    {
        var hall = Guid.NewGuid();
        var seen = new TaskCompletionSource<string>();
        LocalizationSetup.InCulture(LocalizationSetup.English, () => _feed.Subscribe(hall, async _ =>
        {
            await Task.Yield();
            seen.SetResult(CultureInfo.CurrentUICulture.Name);
        }));

        LocalizationSetup.InCulture(LocalizationSetup.Chinese, () =>
        {
            _feed.Publish(new HallEvent(hall, HallEventKind.TicketCalled, new object()));
            return 0;
        });

        Assert.Equal("en", await seen.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Publish_ListenerThrows_OthersStillServed()
    {
        var hall = Guid.NewGuid();
        var served = new TaskCompletionSource();
        using var failing = _feed.Subscribe(hall, _ => throw new InvalidOperationException("broken page"));
        using var working = _feed.Subscribe(hall, _ =>
        {
            served.TrySetResult();
            return Task.CompletedTask;
        });

        _feed.Publish(new HallEvent(hall, HallEventKind.AlertRaised, new object()));

        await served.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
