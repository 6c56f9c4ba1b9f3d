using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Privacy;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record RecordInquiryRequest([Text(InquiryLimits.Text, MultiLine = true)] string? Question, InquiryChannel? Channel, string? CitizenName, string? Contact,
    [Text(InquiryLimits.Text, MultiLine = true)] string? Answer, DateTime? PromisedReplyAt);

/// <summary>
/// Any staff member records an inquiry and owns it (首问负责). Answered on the spot, it is closed at once;
/// otherwise the citizen's contact and a promised reply time are required ("在承诺时间内一次性答复").
/// </summary>
public sealed class RecordInquiry(HallDbContext db, TimeProvider time, IPersonalDataVault vault, GetInquiry get)
{
    public async Task<InquiryView> HandleAsync(Guid hallId, RecordInquiryRequest request, Guid userId, CancellationToken ct)
    {
        var question = InquiryText.Require(request.Question, "question");
        var channel = request.Channel ?? throw DomainException.Required("channel");
        var answer = InquiryText.Optional(request.Answer, "answer");
        var contact = InquiryText.Optional(request.Contact, "contact", InquiryLimits.Contact);
        var name = InquiryText.Optional(request.CitizenName, "citizenName", CaseLimits.Name);
        var now = time.GetUtcNow().UtcDateTime;
        if (answer is null)
        {
            // Not answered now: the citizen must be reachable and told when.
            if (contact is null)
                throw DomainException.Required("contact");
            var promised = request.PromisedReplyAt ?? throw DomainException.Required("promisedReplyAt");
            if (promised.ToUniversalTime() <= now || promised.ToUniversalTime() > now.AddDays(InquiryLimits.MaxPromiseDays))
                throw DomainException.Invalid("promisedReplyAt", ErrorCodes.PromisedReplyInvalid, InquiryLimits.MaxPromiseDays);
        }
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct) || actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);

        var sealedName = vault.Seal(PersonalDataKind.Name, name ?? "");
        // A phone number is masked as one (138****5678); other contacts (e-mail, WeChat) by their ends.
        var sealedContact = vault.Seal(LooksLikePhone(contact) ? PersonalDataKind.Phone : PersonalDataKind.Contact, contact ?? "");
        var sealedQuestion = vault.SealFreeText(question);
        var inquiry = new Inquiry
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Question = sealedQuestion.Masked, QuestionCipher = sealedQuestion.Cipher, Channel = channel,
            CitizenNameCipher = sealedName.Cipher, CitizenNameMasked = sealedName.Masked,
            ContactCipher = sealedContact.Cipher, ContactMasked = sealedContact.Masked,
            OwnerUserId = userId, RecordedAt = now,
            Status = answer is null ? InquiryStatus.Open : InquiryStatus.Answered,
            AnsweredOnTheSpot = answer is not null,
            PromisedReplyAt = answer is null ? request.PromisedReplyAt!.Value.ToUniversalTime() : null,
            Reply = answer, RepliedAt = answer is null ? null : now, RepliedByUserId = answer is null ? null : userId,
        };
        await using (var write = await db.BeginWriteAsync(ct))
        {
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await get.HandleAsync(inquiry.Id, userId, ct);
    }

    private static bool LooksLikePhone(string? contact) =>
        contact is { Length: >= 7 } && contact.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ');
}

internal static class InquiryText
{
    public static string Require(string? value, string field) =>
        Optional(value, field) ?? throw DomainException.Required(field);

    public static string? Optional(string? value, string field, int max = InquiryLimits.Text)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > max)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, max);
        return text;
    }
}
