using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// Where failed sign-ins are counted. Every node must see the same counts, so the store is shared: the
/// database by default (<see cref="DatabaseSignInFailureStore"/>); a distributed cache can stand in.
/// </summary>
public interface ISignInFailureStore
{
    Task<IReadOnlyList<SignInFailures>> GetAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>Adds one failure; a count whose last failure is before <paramref name="forgetBefore"/> starts again at one.</summary>
    Task RecordFailureAsync(string key, DateTime now, DateTime forgetBefore, CancellationToken ct);

    Task ForgetAsync(string key, CancellationToken ct);
}

public sealed class DatabaseSignInFailureStore(HallDbContext db) : ISignInFailureStore
{
    public async Task<IReadOnlyList<SignInFailures>> GetAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await db.Set<SignInFailures>().AsNoTracking().Where(f => keys.Contains(f.Key)).ToListAsync(ct);

    public async Task RecordFailureAsync(string key, DateTime now, DateTime forgetBefore, CancellationToken ct)
    {
        // One conditional update, so failures from several nodes at once all count; a first failure
        // inserts, and an insert that lost a race to another node's falls back to the update.
        if (await AddAsync(key, now, forgetBefore, ct) == 0)
        {
            try
            {
                await using var write = await db.BeginWriteAsync(ct);
                db.Set<SignInFailures>().Add(new SignInFailures { Key = key, Failures = 1, LastFailureAt = now });
                await db.SaveChangesAsync(ct);
                await write.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await AddAsync(key, now, forgetBefore, ct);
            }
            // A new key is the moment to drop the quiet ones, so the table holds only recent trouble.
            await using var prune = await db.BeginWriteAsync(ct);
            await db.Set<SignInFailures>().Where(f => f.LastFailureAt < forgetBefore).ExecuteDeleteAsync(ct);
            await prune.CommitAsync(ct);
        }
    }

    public async Task ForgetAsync(string key, CancellationToken ct)
    {
        await using var write = await db.BeginWriteAsync(ct);
        await db.Set<SignInFailures>().Where(f => f.Key == key).ExecuteDeleteAsync(ct);
        await write.CommitAsync(ct);
    }

    private async Task<int> AddAsync(string key, DateTime now, DateTime forgetBefore, CancellationToken ct)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var updated = await db.Set<SignInFailures>().Where(f => f.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Failures, f => f.LastFailureAt < forgetBefore ? 1 : f.Failures + 1)
            .SetProperty(f => f.LastFailureAt, now), ct);
        await write.CommitAsync(ct);
        return updated;
    }
}
