using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>
/// One step of a follow-up: the follow-up must be at the expected stage, the step is recorded with
/// who and when, and the stage moves on — all in one transaction. The stage is a concurrency check,
/// so two supervisors acting at once cannot both move it.
/// </summary>
public sealed class FollowUpStep(HallDbContext db, TimeProvider time)
{
    public async Task<FollowUpView> RunAsync(Guid followUpId, Guid userId, FollowUpStage expected, string? note,
        Func<RatingFollowUp, DateTime, Task<FollowUpStage>> apply, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var followUp = await db.RatingFollowUps.FirstOrDefaultAsync(f => f.Id == followUpId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.FollowUpNotFound);
        await HallAccess.EnsureAsync(db, followUp.HallId, userId, ct);
        if (followUp.Stage != expected)
            throw DomainException.Conflict(ErrorCodes.FollowUpWrongStage, followUp.Stage);
        var to = await apply(followUp, now);
        var moved = await db.RatingFollowUps.Where(f => f.Id == followUpId && f.Stage == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stage, to), ct);
        if (moved == 0)
            throw DomainException.Conflict(ErrorCodes.FollowUpWrongStage, expected);
        followUp.Stage = to;
        db.Entry(followUp).Property(f => f.Stage).IsModified = false;
        db.FollowUpEvents.Add(new FollowUpEvent { FollowUpId = followUpId, From = expected, To = to, UserId = userId, At = now, Note = note });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return await ListFollowUps.GetAsync(db, followUpId, ct);
    }
}
