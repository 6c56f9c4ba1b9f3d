using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// Renumbers, renames or reassigns a counter, or deactivates it. Tickets refer to counters, so a
/// counter is never deleted; it is deactivated only when nobody is working at it.
/// </summary>
public sealed class UpdateCounter(HallDbContext db, IHallNotifier notifier)
{
    public async Task<CounterSettingsView> HandleAsync(Guid counterId, CounterRequest request, CancellationToken ct)
    {
        CounterSettingsView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var counter = await db.Counters.Include(c => c.ServiceItems).FirstOrDefaultAsync(c => c.Id == counterId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.CounterNotFound);
            var wasActive = counter.IsActive;
            await CreateCounter.ApplyAsync(db, counter, request, ct);
            if (wasActive && !counter.IsActive
                && await db.CounterSessions.AnyAsync(s => s.CounterId == counterId && s.ClosedAt == null, ct))
                throw DomainException.Conflict(ErrorCodes.CounterInUse, counter.Number);
            await CreateCounter.SaveAsync(db, counter, ct);
            await write.CommitAsync(ct);
            view = CounterSettingsView.From(counter);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }
}
