using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// The frame shared by the counter's actions on one ticket: the counter must be operated by the
/// caller, the ticket must be in an allowed state, the change and its event commit together, and
/// a concurrent change by someone else ends in a 409 rather than a lost update.
/// </summary>
public sealed class CounterTicketAction(HallDbContext db, TimeProvider time)
{
    public HallDbContext Db => db;

    public sealed record Context(OperatedCounter Counter, Ticket Ticket, DateTime Now, Guid UserId);

    public async Task<Context> RunAsync(
        Guid counterId, Guid userId, Guid ticketId, TicketStatus[] allowed, bool mustBeAtThisCounter,
        Func<Context, Task<TicketEvent>> apply, CancellationToken ct, WritePriority priority = WritePriority.Interactive)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Read before the write gate: the ticket's status is a concurrency token, so a change made
        // meanwhile by someone else still ends in a conflict at save.
        var found = await CounterAccess.FindAsync(db, counterId, ct);
        var ticket = await TicketInHall.For(db)(db, ticketId, found.HallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        await using var write = await db.BeginWriteAsync(priority, ct);
        var counter = await CounterAccess.OperateAsync(db, found, userId, now, ct);
        if (!allowed.Contains(ticket.Status))
            throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
        if (mustBeAtThisCounter && ticket.CounterId != counterId)
            throw DomainException.Conflict(ErrorCodes.TicketNotAtCounter, ticket.Number, counter.Counter.Number);

        var context = new Context(counter, ticket, now, userId);
        var evt = await apply(context);
        evt.TicketId = ticket.Id;
        evt.HallId = ticket.HallId;
        evt.At = now;
        evt.UserId = userId;
        evt.CounterId = counterId;
        db.TicketEvents.Add(evt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
        }
        await write.CommitAsync(ct);
        return context;
    }

    // Every start, finish, recall and no-show reads its ticket this way: compiled once per provider.
    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, Guid, CancellationToken, Task<Ticket?>>> TicketInHall = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid ticketId, Guid hallId, CancellationToken ct) =>
            db.Tickets.FirstOrDefault(t => t.Id == ticketId && t.HallId == hallId)));
}
