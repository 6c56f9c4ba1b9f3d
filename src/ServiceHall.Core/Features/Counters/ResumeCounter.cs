using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Counters;

/// <summary>The owner is back: the pause ends and the substitute hands the counter back.</summary>
public sealed class ResumeCounter(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<CounterStatusView> HandleAsync(Guid counterId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        CounterStatusView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var counter = await CounterAccess.FindAsync(db, counterId, ct);
            var session = await db.CounterSessions.FirstOrDefaultAsync(s => s.CounterId == counterId && s.ClosedAt == null, ct);
            if (session is null || session.UserId != userId)
                throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
            if (!session.IsPaused)
                throw DomainException.Conflict(ErrorCodes.CounterNotPaused, counter.Number);
            // The substitute may still have a citizen at the counter; that ticket simply carries on.
            await db.CounterPauses.Where(p => p.SessionId == session.Id && p.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.EndedAt, now), ct);
            session.PausedAt = null;
            session.PauseReason = null;
            session.PauseCategory = null;
            session.SubstituteUserId = null;
            session.LastActionAt = now;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            view = CounterStatusView.From(counter, session, null);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }
}
