using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Counters;

/// <summary>The counter a staff member acts on, checked and locked for the current transaction.</summary>
public sealed record OperatedCounter(Counter Counter, CounterSession Session);

public static class CounterAccess
{
    /// <summary>
    /// The counter and its open session, if the user operates it now (its owner, or the substitute
    /// during a pause). Touching the session row makes concurrent actions on one counter queue
    /// behind each other on PostgreSQL as they do on SQLite's write gate.
    /// </summary>
    public static async Task<OperatedCounter> OperateAsync(
        HallDbContext db, Guid counterId, Guid userId, DateTime now, CancellationToken ct)
    {
        var counter = await FindAsync(db, counterId, ct);
        return await OperateAsync(db, counter, userId, now, ct);
    }

    public static async Task<Counter> FindAsync(HallDbContext db, Guid counterId, CancellationToken ct) =>
        await CounterById.For(db)(db, counterId, ct) ?? throw DomainException.NotFound(ErrorCodes.CounterNotFound);

    /// <summary>As above, for a counter already read before the write transaction began.</summary>
    public static async Task<OperatedCounter> OperateAsync(
        HallDbContext db, Counter counter, Guid userId, DateTime now, CancellationToken ct)
    {
        // The touch and the read are one statement; the session comes back tracked, so pause and
        // close change it with SaveChanges.
        var touched = await db.CounterSessions.FromSql($"""
                UPDATE "CounterSessions" SET "LastActionAt" = {now}
                WHERE "CounterId" = {counter.Id} AND "ClosedAt" IS NULL
                RETURNING *
                """)
            .ToListAsync(ct);
        var session = touched.FirstOrDefault();
        if (session is null || !(session.IsOperatedBy(userId) || session.UserId == userId))
            throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
        if (!session.IsOperatedBy(userId))
            throw DomainException.Conflict(ErrorCodes.CounterPaused, counter.Number);
        return new OperatedCounter(counter, session);
    }

    // Every counter action reads its counter first: compiled once per provider.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, CancellationToken, Task<Counter?>>> CounterById = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid id, CancellationToken ct) =>
            db.Counters.AsNoTracking().Include(c => c.ServiceItems).FirstOrDefault(c => c.Id == id)));
}
