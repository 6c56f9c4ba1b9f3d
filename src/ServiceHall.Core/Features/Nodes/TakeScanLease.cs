using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Nodes;

/// <summary>
/// Takes or renews a scan's lease for this node by one conditional update (<see cref="LeaseRule.Takeable"/>),
/// so that of several nodes ticking at once exactly one runs the round. Counts the round on the lease.
/// </summary>
public sealed class TakeScanLease(HallDbContext db, TimeProvider time)
{
    public async Task<bool> HandleAsync(string scan, string node, TimeSpan lease, CancellationToken ct)
    {
        if (await TryAsync(scan, node, lease, ct))
            return true;
        if (await db.ScanLeases.AnyAsync(l => l.Name == scan, ct))
            return false;
        // The scan's first round anywhere: a free lease, created once even when nodes race for it.
        await using (var write = await db.BeginWriteAsync(ct))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"ScanLeases\" (\"Name\", \"Holder\", \"ExpiresAt\", \"Rounds\") VALUES ({scan}, NULL, {DateTime.UnixEpoch}, 0) ON CONFLICT DO NOTHING", ct);
            await write.CommitAsync(ct);
        }
        return await TryAsync(scan, node, lease, ct);
    }

    private async Task<bool> TryAsync(string scan, string node, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + lease;
        await using var write = await db.BeginWriteAsync(ct);
        var taken = await db.ScanLeases.Where(l => l.Name == scan).Where(LeaseRule.Takeable(node, now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, node)
                .SetProperty(l => l.ExpiresAt, until)
                .SetProperty(l => l.Rounds, l => l.Rounds + 1), ct);
        await write.CommitAsync(ct);
        return taken == 1;
    }
}

/// <summary>Gives a lease up when its node stops, so that another node takes the next round without waiting for the expiry.</summary>
public sealed class ReleaseScanLease(HallDbContext db, TimeProvider time)
{
    public async Task HandleAsync(string scan, string node, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        await db.ScanLeases.Where(l => l.Name == scan && l.Holder == node)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, now), ct);
        await write.CommitAsync(ct);
    }
}
