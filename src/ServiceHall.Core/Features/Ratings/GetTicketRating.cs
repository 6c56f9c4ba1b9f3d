using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>For the phone page, with the ticket's key: may this service be rated now, until when, and the rating if given.</summary>
public sealed record TicketRatingView(Guid TicketId, bool CanRate, DateTime? RateUntil, RatingView? Rating);

public sealed class GetTicketRating(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<TicketRatingView> HandleAsync(Guid ticketId, string? ratingKey, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.HallId, t.Status, t.FinishedAt, t.RatingKey }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
        // The rating and its comment are the citizen's: not for whoever read the ticket id off the display.
        if (!RatingKeys.Matches(ticket.RatingKey, ratingKey))
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.RatingKeyInvalid);
        var rating = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == ticketId, ct);
        if (rating is not null)
        {
            // The phone sees its own rating, never what the follow-up found.
            return new TicketRatingView(ticketId, false, null, RatingView.From(rating, null));
        }
        if (ticket.Status != TicketStatus.Done || ticket.FinishedAt is not { } finished)
            return new TicketRatingView(ticketId, false, null, null);
        var until = finished.AddHours((await rules.ForHallAsync(ticket.HallId, ct)).RatingWindowHours);
        return new TicketRatingView(ticketId, time.GetUtcNow().UtcDateTime <= until, until, null);
    }
}
