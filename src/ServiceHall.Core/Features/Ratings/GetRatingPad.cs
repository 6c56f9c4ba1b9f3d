using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>What the pad next to a counter shows: the counter's last finished service, whether it is rated, and its supervision card.</summary>
public sealed record RatingPadView(Guid CounterId, int CounterNumber, string CounterName, RatingPadTicket? Ticket, Guid HallId,
    RatingPadCard Card);

/// <summary>
/// 行风监督卡: what the seeds ask a citizen to be handed before leaving — the counter, the badge number
/// (工号) of whoever is on duty there, and the supervision phone the hall publishes in its guides.
/// </summary>
public sealed record RatingPadCard(string? BadgeNumber, string? SupervisePhone);

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
                ItemEn = db.ServiceItems.Where(i => i.Id == t.ServiceItemId).Select(i => i.NameEn).FirstOrDefault(),
                Rated = db.Ratings.Any(r => r.TicketId == t.Id),
                // The counter called its next citizen: the pad belongs to them now, not to the one who left.
                NextStarted = db.Tickets.Any(n => n.CounterId == counterId && n.CalledAt > t.FinishedAt),
            })
            .FirstOrDefaultAsync(ct);
        var card = await CardAsync(counter.Id, ct);
        if (last is null || last.NextStarted)
            return new RatingPadView(counter.Id, counter.Number, LocalNames.Of(counter.Name, counter.NameEn), null, counter.HallId, card);
        var staffId = await db.TicketEvents.Where(e => e.TicketId == last.Id && e.Kind == TicketEventKind.Finished)
            .Select(e => e.UserId).FirstOrDefaultAsync(ct) ?? last.CalledByUserId;
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffId)
            .Select(u => new { u.DisplayName, u.BadgeNumber }).FirstOrDefaultAsync(ct);
        return new RatingPadView(counter.Id, counter.Number, LocalNames.Of(counter.Name, counter.NameEn), new RatingPadTicket(last.Id, last.Number,
            last.Item is null ? "" : LocalNames.Of(last.Item, last.ItemEn),
            staff?.DisplayName, staff?.BadgeNumber, last.FinishedAt!.Value, last.Rated), counter.HallId, card);
    }

    private async Task<RatingPadCard> CardAsync(Guid counterId, CancellationToken ct)
    {
        // Whoever serves now: the substitute while the holder is away, else the holder of the open session.
        var onDuty = await db.CounterSessions.AsNoTracking().Where(s => s.CounterId == counterId && s.ClosedAt == null)
            .OrderByDescending(s => s.OpenedAt)
            .Select(s => s.PausedAt != null && s.SubstituteUserId != null ? s.SubstituteUserId : s.UserId).FirstOrDefaultAsync(ct);
        var badge = onDuty is { } id
            ? await db.Users.Where(u => u.Id == id).Select(u => u.BadgeNumber).FirstOrDefaultAsync(ct) : null;
        var phone = await db.ServiceGuides.AsNoTracking()
            .Where(g => g.SupervisePhone != "" && db.CounterServiceItems.Any(c => c.CounterId == counterId && c.ServiceItemId == g.ServiceItemId))
            .OrderBy(g => g.SupervisePhone).Select(g => g.SupervisePhone).FirstOrDefaultAsync(ct);
        return new RatingPadCard(string.IsNullOrWhiteSpace(badge) ? null : badge, phone);
    }
}
