using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

/// <param name="Confirmed">The rating's complaint holds up; then an owner rectifies it by a deadline.</param>
/// <param name="RectifyWorkingDays">Days for the rectification; the hall's rule (15) when not given, never past it.</param>
public sealed record VerifyBadRatingRequest(bool? Confirmed, string? Note, Guid? OwnerUserId, int? RectifyWorkingDays);

/// <summary>
/// 核实: a supervisor verifies what the rating says. Confirmed: 整改 by an owner with a deadline in
/// working days. Not confirmed: straight to reporting the finding back to the citizen.
/// </summary>
public sealed class VerifyBadRating(FollowUpStep step, HallDbContext db, IWorkingDays workingDays, TimeProvider time,
    HallSupervisionRules rules)
{
    public Task<FollowUpView> HandleAsync(Guid followUpId, Guid userId, VerifyBadRatingRequest request, CancellationToken ct)
    {
        if (request.Confirmed is not { } confirmed)
            throw DomainException.Required("confirmed");
        var note = Reasons.Require(request.Note, "note");
        if (confirmed && request.OwnerUserId is null)
            throw DomainException.Required("ownerUserId");
        return step.RunAsync(followUpId, userId, FollowUpStage.Verification, note, async (f, now) =>
        {
            var limit = (await rules.ForHallAsync(f.HallId, ct)).RectifyWorkingDays;
            if (request.RectifyWorkingDays is { } asked && (asked < 1 || asked > limit))
                throw DomainException.Invalid("rectifyWorkingDays", ErrorCodes.OutOfRange, "rectifyWorkingDays", 1, limit);
            f.VerifiedAt = now;
            f.Confirmed = confirmed;
            f.VerificationNote = note;
            if (!confirmed)
                return FollowUpStage.ReportBack;
            var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.OwnerUserId, ct);
            if (owner is null || (owner.HallId is { } hall && hall != f.HallId)
                || !await db.UserRoles.AnyAsync(ur => ur.UserId == owner.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Supervisor)), ct))
                throw DomainException.Invalid("ownerUserId", ErrorCodes.UserNotFound);
            var hallZone = await db.Halls.Where(h => h.Id == f.HallId).Select(h => h.TimeZoneId).FirstAsync(ct);
            var today = new HallClock(hallZone).BusinessDay(time.GetUtcNow().UtcDateTime);
            var due = request.RectifyWorkingDays is { } days ? await workingDays.AddAsync(f.HallId, today, days, ct) : f.ResolveDue;
            f.OwnerUserId = owner.Id;
            // Never later than the rule's deadline counted from the rating.
            f.RectificationDue = due < f.ResolveDue ? due : f.ResolveDue;
            return FollowUpStage.Rectification;
        }, ct);
    }
}
