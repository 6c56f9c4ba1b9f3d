using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Counters;

/// <summary>The staff member leaves the counter; refused while a citizen is still being served.</summary>
public sealed class CloseCounter(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<CounterStatusView> HandleAsync(Guid counterId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        CounterStatusView view;
        Guid hallId;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var (counter, session) = await CounterAccess.OperateAsync(db, counterId, userId, now, ct);
            if (session.UserId != userId)
                throw DomainException.Conflict(ErrorCodes.CounterNotOpenedByYou, counter.Number);
            await EnsureNoCurrentTicketAsync(db, counterId, ct);
            session.ClosedAt = now;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            view = CounterStatusView.From(counter, session, null);
            hallId = counter.HallId;
        }
        notifier.QueueChanged(hallId);
        return view;
    }

    internal static async Task EnsureNoCurrentTicketAsync(HallDbContext db, Guid counterId, CancellationToken ct)
    {
        var current = await CurrentTicketNumber.For(db)(db, counterId, ct);
        if (current is not null)
            throw DomainException.Conflict(ErrorCodes.CounterHasCurrentTicket, current);
    }

    // Every call-next asks this first: compiled once per provider.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, CancellationToken, Task<string?>>> CurrentTicketNumber = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid counterId, CancellationToken ct) =>
            db.Tickets.Where(t => t.CounterId == counterId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .Select(t => t.Number).FirstOrDefault()));
}
