using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Gifts;

/// <param name="Handling">When accepting: the handling confirmed (returned, handed in); the declared one when not given.</param>
public sealed record ReviewGiftRequest(bool? Accept, string? Note, GiftHandling? Handling = null);

/// <summary>A supervisor reviews a declaration once: its handling accepted (as declared or corrected), or questioned with a note.</summary>
public sealed class ReviewGift(HallDbContext db, TimeProvider time)
{
    public async Task<GiftDeclarationView> HandleAsync(Guid giftId, Guid reviewerId, ReviewGiftRequest request, CancellationToken ct)
    {
        if (request.Accept is not { } accept)
            throw DomainException.Required("accept");
        var note = accept && string.IsNullOrWhiteSpace(request.Note) ? null : Reasons.Require(request.Note, "note");
        if (request.Handling is { } asked && (!accept || !Enum.IsDefined(asked)))
            throw DomainException.Invalid("handling", ErrorCodes.BadRequest);
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var gift = await db.GiftDeclarations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == giftId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.GiftNotFound);
        await HallAccess.EnsureAsync(db, gift.HallId, reviewerId, ct);
        if (gift.DeclarantUserId == reviewerId)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.GiftOwnReview);
        var review = accept ? GiftReview.Accepted : GiftReview.Questioned;
        GiftHandling? confirmed = accept ? request.Handling ?? gift.Handling : null;
        if (confirmed == GiftHandling.Other && note is null)
            throw DomainException.Required("note");
        var changed = await db.GiftDeclarations.Where(g => g.Id == giftId && g.Review == GiftReview.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Review, review).SetProperty(g => g.ReviewerUserId, reviewerId)
                .SetProperty(g => g.ReviewedAt, now).SetProperty(g => g.ReviewNote, note).SetProperty(g => g.ConfirmedHandling, confirmed), ct);
        if (changed == 0)
            throw DomainException.Conflict(ErrorCodes.GiftReviewed, gift.Number);
        await write.CommitAsync(ct);
        gift.Review = review;
        gift.ReviewerUserId = reviewerId;
        gift.ReviewedAt = now;
        gift.ReviewNote = note;
        gift.ConfirmedHandling = confirmed;
        var names = await db.Users.Where(u => u.Id == gift.DeclarantUserId || u.Id == reviewerId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return GiftDeclarationView.From(gift, names);
    }
}
