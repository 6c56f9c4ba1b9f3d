using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Cases;

public sealed record ApplicantView(string Name, string IdNumber, string Phone);

/// <summary>The applicant's data in clear for a stated purpose (e.g. 核对身份); every field read is audited by the vault (P3).</summary>
public sealed class RevealApplicant(HallDbContext db, IPersonalDataVault vault)
{
    public const string SubjectType = "Case";

    public async Task<ApplicantView> HandleAsync(Guid caseId, string? purpose, Guid userId, CancellationToken ct)
    {
        var why = Reasons.Require(purpose, "purpose");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.CaseNotFound);
        CaseAccess.EnsureHall(actor, c.HallId);
        return new ApplicantView(
            await vault.RevealAsync(new SealedRef(PersonalDataKind.Name, c.ApplicantNameCipher, SubjectType, c.Id, c.HallId), userId, why, ct),
            await vault.RevealAsync(new SealedRef(PersonalDataKind.IdNumber, c.ApplicantIdNumberCipher, SubjectType, c.Id, c.HallId), userId, why, ct),
            await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, c.ApplicantPhoneCipher, SubjectType, c.Id, c.HallId), userId, why, ct));
    }
}
