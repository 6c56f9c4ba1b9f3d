using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>What the pad next to a counter shows: the counter's last finished service, and whether it is rated.</summary>
public sealed record RatingPadView(Guid CounterId, int CounterNumber, string CounterName, RatingPadTicket? Ticket);

public sealed record RatingPadTicket(Guid TicketId, string Number, string ServiceItemName, string? StaffName, string? BadgeNumber,
    DateTime FinishedAt, bool Rated);

public sealed class GetRatingPad(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<RatingPadView> HandleAsync(Guid counterId, Guid padUserId, CancellationToken ct)
    {
        var counter = await db.Counters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == counterId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.CounterNotFound);
        await HallAccess.EnsureAsync(db, counter.HallId, padUserId, ct);
        var window = (await rules.ForHallAsync(counter.HallId, ct)).RatingWindowHours;
        var since = time.GetUtcNow().UtcDateTime.AddHours(-window);
        var last = await db.Tickets.AsNoTracking()
            .Where(t => t.CounterId == counterId && t.Status == TicketStatus.Done && t.FinishedAt >= since)
            .OrderByDescending(t => t.FinishedAt)
            .Select(t => new
            {
                t.Id, t.Number, t.FinishedAt, t.CalledByUserId,
                Item = db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.Name).FirstOrDefault(),
                Rated = db.Ratings.Any(r => r.TicketId == t.Id),
            })
            .FirstOrDefaultAsync(ct);
        if (last is null)
            return new RatingPadView(counter.Id, counter.Number, counter.Name, null);
        var staffId = await db.TicketEvents.Where(e => e.TicketId == last.Id && e.Kind == TicketEventKind.Finished)
            .Select(e => e.UserId).FirstOrDefaultAsync(ct) ?? last.CalledByUserId;
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffId)
            .Select(u => new { u.DisplayName, u.BadgeNumber }).FirstOrDefaultAsync(ct);
        return new RatingPadView(counter.Id, counter.Number, counter.Name, new RatingPadTicket(last.Id, last.Number, last.Item ?? "",
            staff?.DisplayName, staff?.BadgeNumber, last.FinishedAt!.Value, last.Rated));
    }
}
