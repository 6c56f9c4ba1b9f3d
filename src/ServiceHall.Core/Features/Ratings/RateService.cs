using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Privacy;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Ratings;

/// <param name="ContactPhone">Asked only after a bad rating, for the callback (回访); optional, kept sealed, ignored for a good one.</param>
public sealed record RateServiceRequest(SatisfactionLevel? Level, RatingReason[]? Reasons,
    [Text(Rating.MaxCommentLength, MultiLine = true)] string? Comment, string? ContactPhone = null);

/// <param name="ContactPhoneMasked">The callback phone as others may see it (138****5678); null when none was left.</param>
public sealed record RatingView(Guid Id, Guid TicketId, string TicketNumber, SatisfactionLevel Level, RatingReason[] Reasons,
    string? Comment, RatingChannel Channel, DateTime RatedAt, Guid? FollowUpId, string? ContactPhoneMasked = null)
{
    public static RatingView From(Rating r, Guid? followUpId) =>
        new(r.Id, r.TicketId, r.TicketNumber, r.Level, ParseReasons(r.Reasons), r.Comment, r.Channel, r.RatedAt, followUpId,
            r.ContactPhoneMasked.Length > 0 ? r.ContactPhoneMasked : null);

    internal static RatingReason[] ParseReasons(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RatingReason>).ToArray();
}

/// <summary>
/// A citizen rates a finished service (S1): once, within the window. Only the citizen who was served: on the pad of
/// the counter that served, within <see cref="SupervisionOptions.PadRatingMinutes"/> of the end, or with the phone
/// and the ticket's <see cref="RatingKeys">key</see>. A bad rating opens its follow-up in the same transaction.
/// </summary>
public sealed class RateService(HallDbContext db, TimeProvider time, IWorkingDays workingDays, HallSupervisionRules hallRules,
    IPersonalDataVault vault, Microsoft.Extensions.Options.IOptions<SupervisionOptions> options)
{
    public async Task<RatingView> HandleAsync(Guid ticketId, RateServiceRequest request, RatingChannel channel, Guid? padHallId,
        CancellationToken ct, Guid? padCounterId = null, string? ratingKey = null)
    {
        if (request.Level is not { } level || !Enum.IsDefined(level))
            throw DomainException.Required("level");
        var reasons = (request.Reasons ?? []).Distinct().ToArray();
        if (reasons.Any(r => !Enum.IsDefined(r)))
            throw DomainException.Invalid("reasons", ErrorCodes.BadRequest);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > Rating.MaxCommentLength)
            throw DomainException.Invalid("comment", ErrorCodes.TooLong, "comment", Rating.MaxCommentLength);
        var phone = CallbackPhone(level, request.ContactPhone);

        var now = time.GetUtcNow().UtcDateTime;
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        if (channel == RatingChannel.HallPad)
        {
            if (padHallId != ticket.HallId)
                throw new DomainException(ErrorKind.Forbidden, ErrorCodes.OtherHall);
            if (padCounterId != ticket.CounterId)
                throw new DomainException(ErrorKind.Forbidden, Devices.DeviceErrorCodes.OtherCounter);
        }
        else if (!RatingKeys.Matches(ticket.RatingKey, ratingKey))
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.RatingKeyInvalid);
        if (ticket.Status != TicketStatus.Done || ticket.FinishedAt is not { } finishedAt)
            throw DomainException.Conflict(ErrorCodes.RatingNotFinished, ticket.Number);
        var padMinutes = options.Value.PadRatingMinutes;
        if (channel == RatingChannel.HallPad && now > finishedAt.AddMinutes(padMinutes))
            throw DomainException.Conflict(ErrorCodes.RatingPadTooLate, padMinutes);
        var rules = await hallRules.ForHallAsync(ticket.HallId, ct);
        if (now > finishedAt.AddHours(rules.RatingWindowHours))
            throw DomainException.Conflict(ErrorCodes.RatingWindowPassed, rules.RatingWindowHours);

        var staffId = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == TicketEventKind.Finished)
            .Select(e => e.UserId).FirstOrDefaultAsync(ct) ?? ticket.CalledByUserId;
        var department = await db.ServiceItems.Where(i => i.Id == ticket.ServiceItemId).Select(i => (Guid?)i.DepartmentId).FirstOrDefaultAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == ticket.HallId, ct);
        var sealedComment = comment is null ? new SealedValue("", "") : vault.SealFreeText(comment);
        var rating = new Rating
        {
            Id = Guid.CreateVersion7(now), HallId = ticket.HallId, TicketId = ticket.Id, TicketNumber = ticket.Number,
            CounterId = ticket.CounterId, StaffUserId = staffId, ServiceItemId = ticket.ServiceItemId, DepartmentId = department,
            Level = level, Reasons = string.Join(',', reasons), Comment = comment is null ? null : sealedComment.Masked, CommentCipher = sealedComment.Cipher, Channel = channel, ServedAt = finishedAt,
            BusinessDay = ticket.BusinessDay, RatedAt = now, IsBad = Rating.Bad(level),
        };
        if (phone is not null)
        {
            var sealedPhone = vault.Seal(PersonalDataKind.Phone, phone);
            rating.ContactPhoneCipher = sealedPhone.Cipher;
            rating.ContactPhoneMasked = sealedPhone.Masked;
        }
        RatingFollowUp? followUp = null;
        if (rating.IsBad)
        {
            var day = new HallClock(hall.TimeZoneId).BusinessDay(now);
            followUp = new RatingFollowUp
            {
                Id = Guid.CreateVersion7(now), HallId = ticket.HallId, RatingId = rating.Id, Stage = FollowUpStage.Callback,
                OpenedAt = now,
                CallbackDue = await workingDays.AddAsync(hall.Id, day, rules.CallbackWorkingDays, ct),
                ResolveDue = await workingDays.AddAsync(hall.Id, day, rules.RectifyWorkingDays, ct),
            };
        }

        await using var write = await db.BeginWriteAsync(ct);
        if (await db.Ratings.AnyAsync(r => r.TicketId == ticketId, ct))
            throw DomainException.Conflict(ErrorCodes.RatingAlreadyGiven, ticket.Number);
        db.Ratings.Add(rating);
        if (followUp is not null)
            db.RatingFollowUps.Add(followUp);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The pad and the phone rated the same service at once: the unique index kept the first.
            throw DomainException.Conflict(ErrorCodes.RatingAlreadyGiven, ticket.Number);
        }
        await write.CommitAsync(ct);
        return RatingView.From(rating, followUp?.Id);
    }

    /// <summary>The callback phone of a bad rating, checked; a good rating keeps none (no personal data without a purpose).</summary>
    private static string? CallbackPhone(SatisfactionLevel level, string? value)
    {
        var phone = value?.Trim();
        if (string.IsNullOrEmpty(phone) || !Rating.Bad(level))
            return null;
        if (phone.Length > Rating.MaxPhoneLength || !phone.Any(char.IsAsciiDigit)
            || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+'))
            throw DomainException.Invalid("contactPhone", ErrorCodes.RatingPhoneInvalid);
        return phone;
    }
}
