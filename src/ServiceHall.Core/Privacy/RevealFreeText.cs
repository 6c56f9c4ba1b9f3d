using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Privacy;

/// <summary>The free texts whose ID and mobile numbers are sealed (P3).</summary>
public enum FreeTextSubject
{
    Complaint,
    Inquiry,
    Rating,
    ConductCheck,
}

public sealed record RevealFreeTextRequest(string? Purpose);

/// <param name="Text">The text as written, numbers and all.</param>
public sealed record FreeTextOriginal(string Text);

/// <summary>
/// A free text as it was written, with the ID and mobile numbers that are stored masked: for whoever
/// may read its record, with a purpose, every read in the audit (P3). Texts without such numbers were
/// stored as written and are returned without a read being recorded, since nothing is unsealed.
/// </summary>
public sealed class RevealFreeText(HallDbContext db, IPersonalDataVault vault)
{
    public async Task<FreeTextOriginal> HandleAsync(FreeTextSubject subject, Guid id, Guid readerId, RevealFreeTextRequest request, CancellationToken ct)
    {
        var purpose = Reasons.Require(request.Purpose, "purpose");
        var (hallId, stored, cipher) = subject switch
        {
            FreeTextSubject.Complaint => await db.Complaints.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new Stored(x.HallId, x.Content, x.ContentCipher)).FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound),
            FreeTextSubject.Inquiry => await InquiryAsync(id, readerId, ct),
            FreeTextSubject.Rating => await db.Ratings.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new Stored(x.HallId, x.Comment ?? "", x.CommentCipher)).FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(ErrorCodes.RatingNotFound),
            FreeTextSubject.ConductCheck => await db.ConductChecks.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new Stored(x.HallId, x.Text, x.TextCipher)).FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(ErrorCodes.ConductCheckNotFound),
            _ => throw DomainException.Invalid("subject", ErrorCodes.Required, "subject"),
        };
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        if (cipher.Length == 0)
            return new FreeTextOriginal(stored);
        var text = await vault.RevealAsync(new SealedRef(PersonalDataKind.FreeText, cipher, subject.ToString(), id, hallId), readerId, purpose, ct);
        return new FreeTextOriginal(text);
    }

    // The same readers as the inquiry's contact: its owner, the colleague it went to, a supervisor of the hall.
    private async Task<Stored> InquiryAsync(Guid id, Guid readerId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, readerId, ct);
        var i = await db.Inquiries.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.HallId, x.OwnerUserId, x.HandlerUserId, x.Question, x.QuestionCipher }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (actor.HallId is { } own && own != i.HallId)
            throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (i.OwnerUserId != readerId && i.HandlerUserId != readerId && !actor.IsSupervisor)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.InquiryNotYours);
        return new Stored(i.HallId, i.Question, i.QuestionCipher);
    }

    private sealed record Stored(Guid HallId, string Text, string Cipher);
}
