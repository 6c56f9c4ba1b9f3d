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
        await db.Counters.AsNoTracking().Include(c => c.ServiceItems).FirstOrDefaultAsync(c => c.Id == counterId, ct)
        ?? throw DomainException.NotFound(ErrorCodes.CounterNotFound);

    /// <summary>As above, for a counter already read before the write transaction began.</summary>
    public static async Task<OperatedCounter> OperateAsync(
        HallDbContext db, Counter counter, Guid userId, DateTime now, CancellationToken ct)
    {
        var counterId = counter.Id;
        var sessions = db.CounterSessions.Where(s => s.CounterId == counterId && s.ClosedAt == null);
        await sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActionAt, now), ct);
        var session = await sessions.FirstOrDefaultAsync(ct);
        if (session is null || !(session.IsOperatedBy(userId) || session.UserId == userId))
            throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
        if (!session.IsOperatedBy(userId))
            throw DomainException.Conflict(ErrorCodes.CounterPaused, counter.Number);
        return new OperatedCounter(counter, session);
    }
}
