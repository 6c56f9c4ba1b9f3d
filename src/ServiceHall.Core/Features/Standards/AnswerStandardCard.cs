using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Standards;

/// <param name="Reason">Why the rule was broken (原因).</param>
/// <param name="Measure">What is done so that it is not broken again (整改措施).</param>
public sealed record AnswerStandardCardRequest([Text(Reasons.MaxLength, MultiLine = true)] string? Reason,
    [Text(Reasons.MaxLength, MultiLine = true)] string? Measure);

/// <summary>
/// Closes a card with a written response — a reason and a measure, both required — by its responsible staff member
/// or a supervisor of the hall; who and when are kept on the card. Closed once: the status is the condition of the update.
/// </summary>
public sealed class AnswerStandardCard(HallDbContext db, TimeProvider time, ListStandardCards list)
{
    public async Task<StandardCardView> HandleAsync(Guid cardId, Guid userId, AnswerStandardCardRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var measure = Reasons.Require(request.Measure, "measure");
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var card = await db.StandardCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, ct)
                ?? throw DomainException.NotFound(StandardErrors.CardNotFound);
            await CardAccess.EnsureMayReadAsync(db, card, userId, ct);
            var closed = await db.StandardCards.Where(c => c.Id == cardId && c.Status == CardStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, CardStatus.Closed)
                    .SetProperty(c => c.ResponseReason, reason)
                    .SetProperty(c => c.ResponseMeasure, measure)
                    .SetProperty(c => c.ClosedAt, now)
                    .SetProperty(c => c.ClosedByUserId, userId), ct);
            if (closed == 0)
                throw DomainException.Conflict(StandardErrors.CardClosed);
            await write.CommitAsync(ct);
        }
        return await list.GetAsync(cardId, userId, ct);
    }
}
