using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Nodes;

/// <summary>P6: a scan's lease in the database, on both providers: one holder, renewal, expiry, release.</summary>
public abstract class TakeScanLeaseTests(HallApp app)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private async Task<bool> TakeAsync(string scan, string node)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TakeScanLease>().HandleAsync(scan, node, Lease, CancellationToken.None);
    }

    private async Task ReleaseAsync(string scan, string node)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReleaseScanLease>().HandleAsync(scan, node, CancellationToken.None);
    }

    private Task<ScanLease> LeaseAsync(string scan) =>
        app.WithDbAsync(db => db.ScanLeases.AsNoTracking().SingleAsync(l => l.Name == scan));

    [Fact]
    public async Task Handle_TwoNodesRaceForANewScan_ExactlyOneHoldsIt()
    {
        var scan = $"race-{Guid.NewGuid():N}";
        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => TakeAsync(scan, $"node{n}"))));

        Assert.Single(taken, t => t);
        var lease = await LeaseAsync(scan);
        Assert.Equal(1, lease.Rounds);
        Assert.Equal($"node{Array.IndexOf(taken, true)}", lease.Holder);
    }

    [Fact]
    public async Task Handle_HolderRenews_OtherRefusedUntilExpiry()
    {
        var scan = $"renew-{Guid.NewGuid():N}";
        Assert.True(await TakeAsync(scan, "a"));
        Assert.False(await TakeAsync(scan, "b"));
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await TakeAsync(scan, "a"));
        // 20 s after the renewal "a" would be 40 s past its first take, but the renewal moved the expiry.
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await TakeAsync(scan, "b"));

        // "a" died: nothing renews, and at the expiry "b" takes over.
        app.Clock.Advance(Lease);
        Assert.True(await TakeAsync(scan, "b"));
        Assert.False(await TakeAsync(scan, "a"));
        var lease = await LeaseAsync(scan);
        Assert.Equal(("b", 3L), (lease.Holder, lease.Rounds));
    }

    [Fact]
    public async Task Handle_HolderReleased_OtherTakesAtOnce()
    {
        var scan = $"release-{Guid.NewGuid():N}";
        Assert.True(await TakeAsync(scan, "a"));
        await ReleaseAsync(scan, "b"); // not b's to release
        Assert.False(await TakeAsync(scan, "b"));

        await ReleaseAsync(scan, "a");

        Assert.True(await TakeAsync(scan, "b"));
    }
}

public sealed class SqliteTakeScanLeaseTests(SqliteHallApp app) : TakeScanLeaseTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresTakeScanLeaseTests(PostgresHallApp app) : TakeScanLeaseTests(app), IClassFixture<PostgresHallApp>;
