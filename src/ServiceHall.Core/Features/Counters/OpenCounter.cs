using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Counters;

/// <summary>A staff member takes a counter for service (Q6).</summary>
public sealed class OpenCounter(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<CounterStatusView> HandleAsync(Guid counterId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        CounterStatusView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var counter = await CounterAccess.FindAsync(db, counterId, ct);
            if (!counter.IsActive)
                throw DomainException.Conflict(ErrorCodes.CounterInactive, counter.Number);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
            if (user.HallId is { } hallId && hallId != counter.HallId)
                throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
            var open = await db.CounterSessions
                .Where(s => s.ClosedAt == null && (s.CounterId == counterId || s.UserId == userId))
                .ToListAsync(ct);
            if (open.Any(s => s.CounterId == counterId))
                throw DomainException.Conflict(ErrorCodes.CounterAlreadyOpen, counter.Number);
            if (open.Count > 0)
                throw DomainException.Conflict(ErrorCodes.UserHasOpenCounter);

            var session = new CounterSession
            {
                Id = Guid.CreateVersion7(now), HallId = counter.HallId, CounterId = counterId, UserId = userId,
                OpenedAt = now, LastActionAt = now,
            };
            db.CounterSessions.Add(session);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node opened it between our read and our insert: the unique index said no.
                throw DomainException.Conflict(ErrorCodes.CounterAlreadyOpen, counter.Number);
            }
            await write.CommitAsync(ct);
            view = CounterStatusView.From(counter, session, user);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }
}
