using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Cases;

/// <summary>A running case due soon or overdue, as the counter lists it (applicant masked).</summary>
public sealed record CounterDeadlineCase(Guid Id, string Number, string ItemName, string ApplicantName, DateOnly DueDate,
    CaseStatus Status, DeadlineState Deadline, int DaysOverdue);

/// <summary>A case of the ticket being served, with its promise once accepted.</summary>
public sealed record CounterTicketCase(Guid Id, string Number, string ItemName, CaseStatus Status, DateOnly? DueDate, DateOnly? PickupDate);

public sealed record CounterDeadlines(string? TicketNumber, List<CounterTicketCase> TicketCases, List<CounterDeadlineCase> Cases);

/// <summary>
/// M5 at the counter: the running cases of the signed-in staff member (registered or accepted by
/// them) or of the items of the counter they operate, that are due soon or overdue, most urgent
/// first; and the cases of the ticket being served with the promised date once accepted.
/// </summary>
public sealed class ListCounterDeadlines(HallDbContext db, TimeProvider time)
{
    public const int MaxCases = 50;

    public async Task<CounterDeadlines> HandleAsync(Guid hallId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        if (actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var calendar = (await HallCalendar.LoadAsync(db, hallId, ct)).Calendar;

        var counterIds = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.ClosedAt == null && (s.UserId == userId || s.SubstituteUserId == userId))
            .Select(s => s.CounterId).ToListAsync(ct);
        var itemIds = await db.Counters.AsNoTracking().Where(c => counterIds.Contains(c.Id))
            .SelectMany(c => c.ServiceItems.Select(s => s.ServiceItemId)).Distinct().ToListAsync(ct);

        // Due soon starts on the working day before the due date, so nothing due after the next working day can be.
        var horizon = calendar.NextWorkingDayAfter(today);
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.HallId == hallId && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress)
                        && c.DueAt != null && c.DueDate <= horizon && c.ClockPausedAt == null
                        && (c.RegisteredByUserId == userId || c.AcceptedByUserId == userId || itemIds.Contains(c.ServiceItemId)))
            .OrderBy(c => c.DueAt).Take(MaxCases)
            .Select(c => new { c.Id, c.Number, c.ApplicantNameMasked, c.DueDate, c.DueAt, c.Status,
                Item = db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.Name).First(),
                ItemEn = db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.NameEn).First() })
            .ToListAsync(ct);
        var cases = new List<CounterDeadlineCase>();
        foreach (var c in candidates)
        {
            var state = DeadlineRules.Evaluate(calendar, today, now, c.DueDate!.Value, c.DueAt!.Value);
            if (state == DeadlineState.OnTime)
                continue;
            cases.Add(new CounterDeadlineCase(c.Id, c.Number, LocalNames.Of(c.Item, c.ItemEn), c.ApplicantNameMasked, c.DueDate.Value, c.Status, state,
                state == DeadlineState.Overdue ? Math.Max(1, DeadlineRules.DaysOverdue(calendar, today, c.DueDate.Value)) : 0));
        }

        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.CounterId != null && counterIds.Contains(t.CounterId.Value)
                        && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .OrderByDescending(t => t.CalledAt).Select(t => new { t.Id, t.Number }).FirstOrDefaultAsync(ct);
        List<CounterTicketCase> ticketCases = ticket is null ? [] : await db.Cases.AsNoTracking()
            .Where(c => c.TicketId == ticket.Id).OrderBy(c => c.RegisteredAt)
            .Select(c => new CounterTicketCase(c.Id, c.Number, LocalNames.Of(db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.Name).First(),
                    db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.NameEn).First()),
                c.Status, c.DueDate, c.PickupDate))
            .ToListAsync(ct);
        return new CounterDeadlines(ticket?.Number, ticketCases, [.. cases.OrderBy(c => c.Deadline == DeadlineState.Overdue ? 0 : 1)
            .ThenBy(c => c.DueDate)]);
    }
}
