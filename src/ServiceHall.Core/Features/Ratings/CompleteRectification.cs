using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>整改: the owner (or a supervisor) records what was changed. Next: report back to the citizen.</summary>
public sealed class CompleteRectification(FollowUpStep step, HallDbContext db)
{
    public Task<FollowUpView> HandleAsync(Guid followUpId, Guid userId, FollowUpNoteRequest request, CancellationToken ct)
    {
        var note = Reasons.Require(request.Note, "note");
        return step.RunAsync(followUpId, userId, FollowUpStage.Rectification, note, async (f, now) =>
        {
            if (f.OwnerUserId != userId && !await IsSupervisorAsync(userId, ct))
                throw new DomainException(ErrorKind.Forbidden, ErrorCodes.FollowUpNotOwner);
            f.RectifiedAt = now;
            f.RectificationNote = note;
            return FollowUpStage.ReportBack;
        }, ct);
    }

    private Task<bool> IsSupervisorAsync(Guid userId, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Supervisor || r.Name == Roles.Admin)), ct);
}
