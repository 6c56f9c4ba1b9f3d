using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Priorities;

public sealed record DowngradeClaimRequest(string? Reason);

/// <summary>A counter's check of a claim: who, when, where, and why it was downgraded.</summary>
public sealed record PriorityClaimCheckView(bool Downgraded, string? Reason, DateTime At, Guid UserId, Guid CounterId);

/// <summary>The priority claim of a ticket at the counter: its category, whether staff check it, and the check once made.</summary>
public sealed record PriorityClaimView(Guid TicketId, string Number, Guid CategoryId, string NameZh, string NameEn, TicketPriority ClaimedClass,
    bool RequiresVerification, PriorityClaimCheckView? Check)
{
    /// <summary>The counter shows "verified" and "not entitled" until one of them is recorded.</summary>
    public bool AwaitsCheck => RequiresVerification && Check is null;
}

/// <summary>
/// Q2 at the counter: a called ticket whose category requires verification is checked once, verified or downgraded
/// (not entitled, a reason required). A downgrade puts the ticket in the normal lane for any later step (transfer,
/// re-queue, the next step of a visit); the citizen is served now all the same, not sent to the back of the line
/// (首问负责, 不推诿: ADR-031). The check is its own record, with the staff member, counter and time.
/// </summary>
public sealed class CheckPriorityClaim(HallDbContext db, TimeProvider time, IPersonalDataVault vault, IHallNotifier notifier)
{
    public Task<PriorityClaimView> VerifyAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RecordAsync(counterId, userId, ticketId, null, ct);

    public Task<PriorityClaimView> DowngradeAsync(Guid counterId, Guid userId, Guid ticketId, DowngradeClaimRequest request, CancellationToken ct) =>
        RecordAsync(counterId, userId, ticketId, Reasons.Require(request.Reason, "reason"), ct);

    private async Task<PriorityClaimView> RecordAsync(Guid counterId, Guid userId, Guid ticketId, string? downgradeReason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counter = await CounterAccess.FindAsync(db, counterId, ct);
        // Sealed before the write gate: the vault's work needs no lock.
        var reason = downgradeReason is null ? new SealedValue("", "") : vault.SealFreeText(downgradeReason);
        PriorityClaimCheck check;
        Ticket ticket;
        PriorityCategory category;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            await CounterAccess.OperateAsync(db, counter, userId, now, ct);
            ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.HallId == counter.HallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
            if (ticket.Status is not (TicketStatus.Called or TicketStatus.Serving))
                throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
            if (ticket.CounterId != counterId)
                throw DomainException.Conflict(ErrorCodes.TicketNotAtCounter, ticket.Number, counter.Number);
            category = (ticket.PriorityCategoryId is { } categoryId
                    ? await db.Set<PriorityCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct)
                    : null) is { RequiresVerification: true } found
                ? found
                : throw DomainException.Conflict(ErrorCodes.PriorityClaimNotChecked, ticket.Number);
            if (await db.Set<PriorityClaimCheck>().AnyAsync(c => c.TicketId == ticket.Id, ct))
                throw DomainException.Conflict(ErrorCodes.PriorityClaimAlreadyChecked, ticket.Number);
            check = new PriorityClaimCheck
            {
                Id = Guid.CreateVersion7(now), HallId = ticket.HallId, TicketId = ticket.Id, CategoryId = category.Id,
                ClaimedClass = ticket.Priority, BusinessDay = ticket.BusinessDay, CounterId = counterId, UserId = userId, At = now,
                Downgraded = downgradeReason is not null, Reason = downgradeReason is null ? null : reason.Masked, ReasonCipher = reason.Cipher,
            };
            db.Set<PriorityClaimCheck>().Add(check);
            if (check.Downgraded)
                ticket.Priority = TicketPriority.Normal;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
            }
            catch (DbUpdateException)
            {
                // Two clicks, or two staff members at once: the unique index keeps the first check.
                throw DomainException.Conflict(ErrorCodes.PriorityClaimAlreadyChecked, ticket.Number);
            }
            await write.CommitAsync(ct);
        }
        await notifier.TicketChangedAsync(ticket.HallId, ticket.Id);
        return View(ticket, category, check);
    }

    internal static PriorityClaimView View(Ticket ticket, PriorityCategory category, PriorityClaimCheck? check) =>
        new(ticket.Id, ticket.Number, category.Id, category.NameZh, category.NameEn, check?.ClaimedClass ?? ticket.Priority,
            category.RequiresVerification,
            check is null ? null : new PriorityClaimCheckView(check.Downgraded, check.Reason, check.At, check.UserId, check.CounterId));
}
