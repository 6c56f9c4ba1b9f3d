using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Ratings;

public sealed record RatingContact(string Phone);

/// <summary>
/// The phone a citizen left with a bad rating, in clear, to call them back (回访): only for the
/// follow-up's owner or a supervisor of the hall, every read in the audit with its purpose (P3).
/// </summary>
public sealed class RevealRatingContact(HallDbContext db, IPersonalDataVault vault)
{
    public const string SubjectType = "Rating";

    public async Task<RatingContact> HandleAsync(Guid followUpId, Guid readerId, RevealContactRequest request, CancellationToken ct)
    {
        var purpose = Reasons.Require(request.Purpose, "purpose");
        var f = await db.RatingFollowUps.AsNoTracking().Where(x => x.Id == followUpId)
            .Join(db.Ratings, x => x.RatingId, r => r.Id, (x, r) => new { x.HallId, x.OwnerUserId, r.Id, r.ContactPhoneCipher })
            .FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.FollowUpNotFound);
        await HallAccess.EnsureAsync(db, f.HallId, readerId, ct);
        if (f.OwnerUserId != readerId && !await IsSupervisorAsync(readerId, ct))
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.FollowUpNotOwner);
        if (f.ContactPhoneCipher.Length == 0)
            throw DomainException.Conflict(ErrorCodes.RatingNoContact);
        var phone = await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, f.ContactPhoneCipher, SubjectType, f.Id, f.HallId), readerId, purpose, ct);
        return new RatingContact(phone);
    }

    private Task<bool> IsSupervisorAsync(Guid userId, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Supervisor || r.Name == Roles.Admin)), ct);
}
