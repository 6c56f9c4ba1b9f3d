using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record InquiryOwnerFigures(Guid OwnerUserId, string? OwnerName, string? BadgeNumber, int Total, int AnsweredOnTheSpot,
    int Promised, int RepliedOnTime, int RepliedLate, int OpenOverdue, int OpenPending, int Forwarded, double? OnTimeReplyRate);

public sealed record InquiryReport(DateTime FromUtc, DateTime ToUtc, List<InquiryOwnerFigures> Owners);

/// <summary>
/// Per owner (首问责任人): inquiries received, answered on the spot, promised, replied on time or late,
/// open past the promise, and the on-time reply rate over the promised ones that are due.
/// </summary>
public sealed class GetInquiryReport(HallDbContext db, TimeProvider time)
{
    public async Task<InquiryReport> HandleAsync(Guid hallId, DateTime? from, DateTime? to, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct) || actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        var end = to?.ToUniversalTime() ?? now;
        var start = from?.ToUniversalTime() ?? end.AddDays(-30);
        if (start >= end)
            throw DomainException.Invalid("from", ErrorCodes.InvalidDate);
        var inquiries = await db.Inquiries.AsNoTracking().Include(i => i.Forwards)
            .Where(i => i.HallId == hallId && i.RecordedAt >= start && i.RecordedAt < end).ToListAsync(ct);
        var owners = inquiries.Select(i => i.OwnerUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.BadgeNumber }, ct);
        return new InquiryReport(start, end, [.. inquiries.GroupBy(i => i.OwnerUserId).Select(g =>
        {
            var promised = g.Where(i => !i.AnsweredOnTheSpot).ToList();
            var onTime = promised.Count(i => InquiryRules.RepliedOnTime(i) == true);
            var late = promised.Count(i => InquiryRules.RepliedOnTime(i) == false);
            var overdue = promised.Count(i => InquiryRules.IsOverdue(i, now));
            var due = onTime + late + overdue;
            return new InquiryOwnerFigures(g.Key, users.GetValueOrDefault(g.Key)?.DisplayName, users.GetValueOrDefault(g.Key)?.BadgeNumber,
                g.Count(), g.Count(i => i.AnsweredOnTheSpot), promised.Count, onTime, late, overdue,
                promised.Count(i => i.Status == InquiryStatus.Open && !InquiryRules.IsOverdue(i, now)),
                g.Count(i => i.Forwards.Count > 0), due == 0 ? null : Math.Round((double)onTime / due, 4));
        }).OrderBy(o => o.OwnerName)]);
    }
}
