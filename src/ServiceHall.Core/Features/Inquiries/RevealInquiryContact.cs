using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record RevealInquiryContactRequest(string? Purpose);

public sealed record InquiryContact(string? CitizenName, string? Contact);

/// <summary>
/// The citizen's name and contact in clear, so that whoever owes the reply can give it (M6, "在承诺时间内
/// 一次性答复"): the owner, the colleague it was forwarded to, or a supervisor of the hall. Every read is in
/// the audit with its purpose (P3), as for complaints.
/// </summary>
public sealed class RevealInquiryContact(HallDbContext db, IPersonalDataVault vault)
{
    public const string SubjectType = "Inquiry";

    public async Task<InquiryContact> HandleAsync(Guid inquiryId, Guid readerId, RevealInquiryContactRequest request, CancellationToken ct)
    {
        var purpose = Reasons.Require(request.Purpose, "purpose");
        var actor = await CaseAccess.ActorAsync(db, readerId, ct);
        var i = await db.Inquiries.AsNoTracking().Where(x => x.Id == inquiryId)
            .Select(x => new { x.HallId, x.OwnerUserId, x.HandlerUserId, x.CitizenNameCipher, x.ContactCipher, x.ContactMasked })
            .FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (actor.HallId is { } own && own != i.HallId)
            throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (i.OwnerUserId != readerId && i.HandlerUserId != readerId && !actor.IsSupervisor)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.InquiryNotYours);
        var name = i.CitizenNameCipher.Length == 0 ? null
            : await vault.RevealAsync(new SealedRef(PersonalDataKind.Name, i.CitizenNameCipher, SubjectType, inquiryId, i.HallId), readerId, purpose, ct);
        var contact = i.ContactCipher.Length == 0 ? null
            : await vault.RevealAsync(new SealedRef(KindOf(i.ContactMasked), i.ContactCipher, SubjectType, inquiryId, i.HallId), readerId, purpose, ct);
        return new InquiryContact(name, contact);
    }

    /// <summary>A phone number was sealed as one (masked 138****5678); anything else as a contact.</summary>
    private static PersonalDataKind KindOf(string masked) =>
        masked.Length > 0 && masked.All(c => char.IsAsciiDigit(c) || c is '*' or '+' or '-' or ' ') ? PersonalDataKind.Phone : PersonalDataKind.Contact;
}
