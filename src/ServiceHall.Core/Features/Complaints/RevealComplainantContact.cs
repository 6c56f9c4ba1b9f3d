using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Complaints;

public sealed record RevealContactRequest(string? Purpose);

public sealed record ComplainantContact(string? Name, string? Phone);

/// <summary>The complainant's name and phone in clear, to call them back; every read is in the audit with its purpose (P3).</summary>
public sealed class RevealComplainantContact(HallDbContext db, IPersonalDataVault vault)
{
    public const string SubjectType = "Complaint";

    public async Task<ComplainantContact> HandleAsync(Guid complaintId, Guid readerId, RevealContactRequest request, CancellationToken ct)
    {
        var purpose = Reasons.Require(request.Purpose, "purpose");
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == complaintId)
            .Select(x => new { x.HallId, x.Anonymous, x.ComplainantNameCipher, x.ContactPhoneCipher }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
        await HallAccess.EnsureAsync(db, c.HallId, readerId, ct);
        if (c.Anonymous)
            throw DomainException.Conflict(ErrorCodes.ComplaintAnonymous);
        var name = c.ComplainantNameCipher.Length == 0 ? null
            : await vault.RevealAsync(new SealedRef(PersonalDataKind.Name, c.ComplainantNameCipher, SubjectType, complaintId, c.HallId), readerId, purpose, ct);
        var phone = c.ContactPhoneCipher.Length == 0 ? null
            : await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, c.ContactPhoneCipher, SubjectType, complaintId, c.HallId), readerId, purpose, ct);
        return new ComplainantContact(name, phone);
    }
}
