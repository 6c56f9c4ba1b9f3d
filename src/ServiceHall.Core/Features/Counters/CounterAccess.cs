using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Counters;

/// <summary>The counter a staff member acts on, checked and locked for the current transaction.</summary>
public sealed record OperatedCounter(Counter Counter, CounterSession Session);

public static class CounterAccess
{
    /// <summary>
    /// The counter and its open session, if the user operates it now (its owner, or the substitute
    /// during a pause). Concurrent actions on one counter queue behind each other: on SQLite at the
    /// write gate, on PostgreSQL at the session row, read <c>FOR UPDATE</c>.
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
        // Read tracked: pause and close change the session with SaveChanges. The last action is kept
        // to the minute, so a busy counter does not rewrite its session row on every action; the
        // caller's SaveChanges stores it.
        var session = db.Database.IsSqlite()
            ? await OpenSession.For(db)(db, counter.Id, ct)
            : (await db.CounterSessions.FromSql($"""
                    SELECT * FROM "CounterSessions" WHERE "CounterId" = {counter.Id} AND "ClosedAt" IS NULL FOR UPDATE
                    """).ToListAsync(ct)).FirstOrDefault();
        if (session is null || !(session.IsOperatedBy(userId) || session.UserId == userId))
            throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
        if (!session.IsOperatedBy(userId))
            throw DomainException.Conflict(ErrorCodes.CounterPaused, counter.Number);
        if (session.LastActionAt is not { } last || now - last >= LastActionResolution)
            session.LastActionAt = now;
        return new OperatedCounter(counter, session);
    }

    private static readonly TimeSpan LastActionResolution = TimeSpan.FromMinutes(1);

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, CancellationToken, Task<CounterSession?>>> OpenSession = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid counterId, CancellationToken ct) =>
            db.CounterSessions.FirstOrDefault(s => s.CounterId == counterId && s.ClosedAt == null)));

    // Every counter action reads its counter first: compiled once per provider. With its items, whose call templates
    // word a call without a read after its commit (CallAnnouncements).
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, CancellationToken, Task<Counter?>>> CounterById = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid id, CancellationToken ct) =>
            db.Counters.AsNoTracking().Include(c => c.ServiceItems).ThenInclude(x => x.ServiceItem).FirstOrDefault(c => c.Id == id)));
}
