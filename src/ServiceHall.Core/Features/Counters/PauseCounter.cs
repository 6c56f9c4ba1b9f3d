using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Counters;

/// <param name="Category">What the display shows (暂停服务 · 午休); the reason is never shown to the public.</param>
public sealed record PauseCounterRequest(string? Reason, Guid? SubstituteUserId, PauseCategory Category = PauseCategory.Other);

/// <summary>
/// A short absence from the counter: a reason always, a substitute for longer ones (Q6:
/// "暂时离开柜台，需由他人临时顶替"). With a substitute the counter stays staffed.
/// </summary>
public sealed class PauseCounter(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<CounterStatusView> HandleAsync(Guid counterId, Guid userId, PauseCounterRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var now = time.GetUtcNow().UtcDateTime;
        CounterStatusView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var (counter, session) = await CounterAccess.OperateAsync(db, counterId, userId, now, ct);
            if (session.UserId != userId)
                throw DomainException.Conflict(ErrorCodes.CounterPaused, counter.Number);
            await CloseCounter.EnsureNoCurrentTicketAsync(db, counterId, ct);
            if (request.SubstituteUserId is { } substituteId)
                await EnsureSubstituteAsync(substituteId, userId, counter.HallId, ct);

            session.PausedAt = now;
            session.PauseReason = reason;
            session.PauseCategory = request.Category;
            session.SubstituteUserId = request.SubstituteUserId;
            db.CounterPauses.Add(new CounterPause
            {
                Id = Guid.CreateVersion7(now), SessionId = session.Id, CounterId = counterId, StartedAt = now,
                Reason = reason, Category = request.Category, SubstituteUserId = request.SubstituteUserId,
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            view = CounterStatusView.From(counter, session, null);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }

    private async Task EnsureSubstituteAsync(Guid substituteId, Guid userId, Guid hallId, CancellationToken ct)
    {
        var staffRoleIds = db.Roles.Where(r => r.Name == Roles.Staff || r.Name == Roles.Supervisor).Select(r => r.Id);
        var isStaff = await db.UserRoles.AnyAsync(ur => ur.UserId == substituteId && staffRoleIds.Contains(ur.RoleId), ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == substituteId, ct);
        if (substituteId == userId || user is null || !isStaff || (user.HallId is { } h && h != hallId))
            throw DomainException.Invalid("substituteUserId", ErrorCodes.SubstituteInvalid);
    }
}
