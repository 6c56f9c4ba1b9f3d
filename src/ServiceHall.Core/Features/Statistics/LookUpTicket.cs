using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>What happened to a ticket: its issue, each counter action, its end, the citizen's rating and the cases registered on it.</summary>
public enum TicketStepKind
{
    Issued,
    Called,
    CalledOutOfOrder,
    Recalled,
    Started,
    Finished,
    NoShow,
    Requeued,
    TransferredOut,
    TransferredIn,
    Expired,
    Rated,
    CaseRegistered,
}

/// <summary>
/// One step of a ticket's history, with who acted and where. <paramref name="TicketId"/> is the ticket the step
/// belongs to: a transfer makes a second ticket with the same number, waiting for the other item or counter.
/// </summary>
public sealed record TicketStep(DateTime At, TicketStepKind Kind, Guid TicketId, string ServiceItemName, int? CounterNumber,
    string? ActorName, string? ActorBadge, string? Reason, TicketChannel? Channel = null, SatisfactionLevel? Level = null,
    Guid? CaseId = null, string? CaseNumber = null, CaseStatus? CaseStatus = null);

/// <summary>One ticket of the visit: the first, or one a transfer made.</summary>
public sealed record TicketPart(Guid TicketId, string ServiceItemName, TicketStatus Status, TicketChannel Channel, DateTime IssuedAt);

/// <summary>A number of a day and everything that happened to it, oldest first; times are UTC, shown in <paramref name="TimeZoneId"/>.</summary>
public sealed record TicketHistory(Guid HallId, string TimeZoneId, string Number, DateOnly Day, TicketPriority Priority, TicketStatus Status,
    List<TicketPart> Tickets, List<TicketStep> Steps);

/// <summary>
/// Ticket lookup for supervisors: the number on the citizen's paper and the day give the whole visit — issue, calls,
/// recalls, calls out of order with their reasons, transfers out and in (the number is kept), no-show, requeue, start,
/// finish, expiry, the rating and the cases registered on it — with the staff member and counter of each step.
/// </summary>
public sealed class LookUpTicket(HallDbContext db)
{
    public async Task<TicketHistory> HandleAsync(Guid hallId, Guid readerId, string? number, DateOnly? day, CancellationToken ct)
    {
        var wanted = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(wanted))
            throw DomainException.Required("number");
        if (wanted.Length > 12)
            throw DomainException.Invalid("number", ErrorCodes.TooLong, "number", 12);
        if (day is not { } date)
            throw DomainException.Required("day");
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);

        var found = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay == date && t.Number == wanted)
            .ToListAsync(ct);
        if (found.Count == 0)
            throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        var tickets = InVisitOrder(found);
        var ids = tickets.Select(t => t.Id).ToList();
        var events = await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        // A transfer writes the new ticket's arrival before the old ticket's departure, in one instant: read it as it happened.
        for (var i = 0; i + 1 < events.Count; i++)
        {
            if (events[i].Kind == TicketEventKind.TransferredIn && events[i + 1].Kind == TicketEventKind.TransferredOut && events[i].At == events[i + 1].At)
                (events[i], events[i + 1]) = (events[i + 1], events[i]);
        }
        var ratings = await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.TicketId))
            .Select(r => new { r.TicketId, r.Level, r.RatedAt }).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.TicketId != null && ids.Contains(c.TicketId.Value))
            .Select(c => new { c.Id, c.TicketId, c.Number, c.Status, c.RegisteredAt, c.RegisteredByUserId, c.CounterId }).ToListAsync(ct);

        var itemIds = tickets.Select(t => t.ServiceItemId).Distinct().ToList();
        var items = await db.ServiceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => LocalNames.Of(i.Name, i.NameEn), ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var userIds = events.Select(e => e.UserId).Concat(cases.Select(c => (Guid?)c.RegisteredByUserId)).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.BadgeNumber }, ct);

        var byId = tickets.ToDictionary(t => t.Id);
        string ItemOf(Guid ticketId) => items.GetValueOrDefault(byId[ticketId].ServiceItemId, "");
        int? CounterOf(Guid? counterId) => counterId is { } c && counters.TryGetValue(c, out var n) ? n : null;

        var steps = new List<TicketStep>();
        foreach (var t in tickets.Where(t => t.Channel != TicketChannel.Transfer))
            steps.Add(new TicketStep(t.IssuedAt, TicketStepKind.Issued, t.Id, ItemOf(t.Id), null, null, null, null, t.Channel));
        foreach (var e in events)
        {
            var actor = e.UserId is { } u ? users.GetValueOrDefault(u) : null;
            // A ticket made by a transfer waits at its target counter, if it was sent to one.
            var counter = e.Kind == TicketEventKind.TransferredIn ? byId[e.TicketId].TargetCounterId ?? e.CounterId : e.CounterId;
            steps.Add(new TicketStep(e.At, KindOf(e.Kind), e.TicketId, ItemOf(e.TicketId), CounterOf(counter), actor?.DisplayName,
                actor?.BadgeNumber, e.Reason));
        }
        foreach (var r in ratings)
            steps.Add(new TicketStep(r.RatedAt, TicketStepKind.Rated, r.TicketId, ItemOf(r.TicketId), null, null, null, null, Level: r.Level));
        foreach (var c in cases)
        {
            var actor = users.GetValueOrDefault(c.RegisteredByUserId);
            steps.Add(new TicketStep(c.RegisteredAt, TicketStepKind.CaseRegistered, c.TicketId!.Value, ItemOf(c.TicketId.Value), CounterOf(c.CounterId),
                actor?.DisplayName, actor?.BadgeNumber, null, CaseId: c.Id, CaseNumber: c.Number, CaseStatus: c.Status));
        }

        var first = tickets[0];
        return new TicketHistory(hallId, zone, first.Number, date, first.Priority, tickets[^1].Status,
            tickets.Select(t => new TicketPart(t.Id, ItemOf(t.Id), t.Status, t.Channel, t.IssuedAt)).ToList(),
            // Stable: steps of one instant keep the order they were written in (the issue first).
            steps.OrderBy(s => s.At).ToList());
    }

    /// <summary>The visit's tickets as the citizen went: the first, then each ticket its transfer made (a transfer keeps the issue time).</summary>
    private static List<Ticket> InVisitOrder(List<Ticket> found)
    {
        var byId = found.ToDictionary(t => t.Id);
        var ordered = new List<Ticket>();
        foreach (var start in found.Where(t => t.TransferredFromTicketId is not { } origin || !byId.ContainsKey(origin)).OrderBy(t => t.IssuedAt))
        {
            for (Ticket? t = start; t is not null && !ordered.Contains(t); t = t.TransferredToTicketId is { } next ? byId.GetValueOrDefault(next) : null)
                ordered.Add(t);
        }
        ordered.AddRange(found.Where(t => !ordered.Contains(t)));
        return ordered;
    }

    private static TicketStepKind KindOf(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Called => TicketStepKind.Called,
        TicketEventKind.CalledOutOfOrder => TicketStepKind.CalledOutOfOrder,
        TicketEventKind.Recalled => TicketStepKind.Recalled,
        TicketEventKind.Started => TicketStepKind.Started,
        TicketEventKind.Finished => TicketStepKind.Finished,
        TicketEventKind.NoShow => TicketStepKind.NoShow,
        TicketEventKind.Requeued => TicketStepKind.Requeued,
        TicketEventKind.TransferredOut => TicketStepKind.TransferredOut,
        TicketEventKind.TransferredIn => TicketStepKind.TransferredIn,
        _ => TicketStepKind.Expired,
    };
}
