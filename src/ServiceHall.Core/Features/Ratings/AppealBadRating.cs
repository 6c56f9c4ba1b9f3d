using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

public sealed record AppealBadRatingRequest(string? Reason);

/// <summary>
/// 申诉复核: a supervisor removes a mistaken or malicious bad rating from the figures, with a reason.
/// The rating is kept (who excluded it, when and why stay on it), its open follow-up is closed with
/// the reason in its history, and an excluded rating cannot be excluded again.
/// </summary>
public sealed class AppealBadRating(HallDbContext db, TimeProvider time)
{
    public async Task<FollowUpView?> HandleAsync(Guid ratingId, Guid userId, AppealBadRatingRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var rating = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.RatingNotFound);
        await HallAccess.EnsureAsync(db, rating.HallId, userId, ct);
        if (!rating.IsBad)
            throw DomainException.Conflict(ErrorCodes.RatingNotBad, rating.TicketNumber);
        var excluded = await db.Ratings.Where(r => r.Id == ratingId && r.ExcludedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExcludedAt, now).SetProperty(r => r.ExcludedByUserId, userId)
                .SetProperty(r => r.ExclusionReason, reason), ct);
        if (excluded == 0)
            throw DomainException.Conflict(ErrorCodes.RatingExcluded, rating.TicketNumber);
        var followUp = await db.RatingFollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.RatingId == ratingId, ct);
        if (followUp is { Stage: not FollowUpStage.Closed } open)
        {
            await db.RatingFollowUps.Where(f => f.Id == open.Id && f.Stage == open.Stage)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stage, FollowUpStage.Closed).SetProperty(f => f.ClosedAt, now), ct);
            db.FollowUpEvents.Add(new FollowUpEvent { FollowUpId = open.Id, From = open.Stage, To = FollowUpStage.Closed, UserId = userId, At = now, Note = reason });
            await db.SaveChangesAsync(ct);
        }
        await write.CommitAsync(ct);
        return followUp is null ? null : await ListFollowUps.GetAsync(db, followUp.Id, ct);
    }
}
