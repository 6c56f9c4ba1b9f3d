using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Counters;

/// <summary>The ticket at a counter now (called or being served), with what the staff member needs to see.</summary>
public sealed record CurrentTicketView(
    Guid Id,
    string Number,
    Guid ServiceItemId,
    string ServiceItemName,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    DateTime IssuedAt,
    DateTime CalledAt,
    DateTime? StartedAt,
    int RecallCount,
    string? CallReason,
    string? TransferReason,
    // Where finishing sends the citizen on (挂号 → 缴费), when the item names an active next step.
    string? NextStepItemName = null,
    // The hall's priority category claimed (孕产妇 rather than the class 孕妇), in the page's language.
    string? PriorityName = null);

/// <summary>
/// A counter as its workstation shows it: the counter and session, who owns it and who stands in
/// (Q6), and the current ticket. <see cref="CanOperate"/> is whether the reader may act on it now.
/// </summary>
public sealed record CounterDesk(
    CounterStatusView Counter,
    bool OwnedByReader,
    bool CanOperate,
    string? OwnerName,
    string? SubstituteName,
    CurrentTicketView? Current,
    int MaxPauseMinutesWithoutSubstitute);

/// <summary>The counters a staff member has open, or stands in for during another's pause.</summary>
public sealed class GetCounterDesks(HallDbContext db)
{
    public async Task<List<CounterDesk>> HandleAsync(Guid userId, CancellationToken ct)
    {
        var sessions = await db.CounterSessions.AsNoTracking()
            .Where(s => s.ClosedAt == null && (s.UserId == userId || s.SubstituteUserId == userId))
            .ToListAsync(ct);
        var desks = new List<CounterDesk>();
        // Own counter first, then those the reader stands in for.
        foreach (var session in sessions.OrderBy(s => s.UserId == userId ? 0 : 1).ThenBy(s => s.OpenedAt))
            desks.Add(await DeskAsync(session, userId, ct));
        return desks;
    }

    private async Task<CounterDesk> DeskAsync(CounterSession session, Guid userId, CancellationToken ct)
    {
        var counter = await CounterAccess.FindAsync(db, session.CounterId, ct);
        var people = new[] { session.UserId, session.SubstituteUserId ?? Guid.Empty };
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var owner = users.GetValueOrDefault(session.UserId);
        var substitute = session.SubstituteUserId is { } s ? users.GetValueOrDefault(s) : null;
        var row = await db.Tickets.AsNoTracking()
            .Where(t => t.CounterId == counter.Id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Join(db.ServiceItems, t => t.ServiceItemId, i => i.Id, (t, i) => new
            {
                Ticket = t, i.Name, i.NameEn,
                Next = db.ServiceItems.Where(n => n.Id == i.NextStepItemId && n.IsActive).Select(n => new { n.Name, n.NameEn }).FirstOrDefault(),
                Category = db.Set<PriorityCategory>().Where(p => p.Id == t.PriorityCategoryId).Select(p => new { p.NameZh, p.NameEn }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        var current = row is not { Ticket: var t } ? null : new CurrentTicketView(
            t.Id, t.Number, t.ServiceItemId, LocalNames.Of(row.Name, row.NameEn), t.Status, t.Priority, t.Channel, t.IssuedAt, t.CalledAt ?? t.IssuedAt,
            t.StartedAt, t.RecallCount, t.CallReason, t.TransferReason,
            row.Next is { } n ? LocalNames.Of(n.Name, n.NameEn) : null,
            row.Category is { } c ? LocalNames.Of(c.NameZh, c.NameEn) : null);
        var maxPause = await db.Halls.Where(h => h.Id == counter.HallId).Select(h => h.MaxPauseMinutesWithoutSubstitute).SingleAsync(ct);
        var view = CounterStatusView.From(counter, session, owner, current?.Number);
        return new CounterDesk(view, session.UserId == userId, session.IsOperatedBy(userId),
            owner?.DisplayName, substitute?.DisplayName, current, maxPause);
    }
}
