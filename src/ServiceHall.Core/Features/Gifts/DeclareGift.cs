using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Gifts;

public sealed record DeclareGiftRequest(string? Giver, string? Description, decimal? EstimatedValue, DateOnly? ReceivedOn,
    GiftHandling? Handling, string? HandlingNote);

public sealed record GiftDeclarationView(Guid Id, Guid HallId, string Number, Guid DeclarantUserId, string? DeclarantName, string Giver,
    string Description, decimal EstimatedValue, DateOnly ReceivedOn, GiftHandling Handling, string? HandlingNote, DateTime DeclaredAt,
    GiftReview Review, Guid? ReviewerUserId, string? ReviewerName, DateTime? ReviewedAt, string? ReviewNote, GiftHandling? ConfirmedHandling = null)
{
    public static GiftDeclarationView From(GiftDeclaration g, IReadOnlyDictionary<Guid, string> names) =>
        new(g.Id, g.HallId, g.Number, g.DeclarantUserId, names.GetValueOrDefault(g.DeclarantUserId), g.Giver, g.Description,
            g.EstimatedValue, g.ReceivedOn, g.Handling, g.HandlingNote, g.DeclaredAt, g.Review, g.ReviewerUserId,
            g.ReviewerUserId is { } r ? names.GetValueOrDefault(r) : null, g.ReviewedAt, g.ReviewNote, g.ConfirmedHandling);
}

/// <summary>A staff member declares a gift they could not refuse at once (S5).</summary>
public sealed class DeclareGift(HallDbContext db, TimeProvider time)
{
    public async Task<GiftDeclarationView> HandleAsync(Guid userId, DeclareGiftRequest request, CancellationToken ct)
    {
        var giver = Text(request.Giver, "giver");
        var description = Text(request.Description, "description");
        if (request.EstimatedValue is not { } value)
            throw DomainException.Required("estimatedValue");
        if (value < 0 || value > 9_999_999_999m || decimal.Round(value, 2) != value)
            throw DomainException.Invalid("estimatedValue", ErrorCodes.OutOfRange, "estimatedValue", 0, 9_999_999_999m);
        if (request.ReceivedOn is not { } received)
            throw DomainException.Required("receivedOn");
        if (request.Handling is not { } handling || !Enum.IsDefined(handling))
            throw DomainException.Required("handling");
        var note = string.IsNullOrWhiteSpace(request.HandlingNote) ? null : Text(request.HandlingNote, "handlingNote");
        if (handling == GiftHandling.Other && note is null)
            throw DomainException.Required("handlingNote");

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.HallId, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.HallId is not { } hallId)
            throw DomainException.Conflict(ErrorCodes.NoHallForAttendance);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(zone).BusinessDay(now);
        if (received > today)
            throw DomainException.Invalid("receivedOn", ErrorCodes.InvalidDate);

        await using var write = await db.BeginWriteAsync(ct);
        var prefix = $"LP{today:yyyy}-";
        var count = await db.GiftDeclarations.CountAsync(g => g.HallId == hallId && g.Number.StartsWith(prefix), ct);
        var gift = new GiftDeclaration
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Number = $"{prefix}{count + 1:0000}", DeclarantUserId = userId, Giver = giver,
            Description = description, EstimatedValue = value, ReceivedOn = received, Handling = handling, HandlingNote = note,
            DeclaredAt = now, Review = GiftReview.Pending,
        };
        db.GiftDeclarations.Add(gift);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.NumberTaken);
        }
        await write.CommitAsync(ct);
        return GiftDeclarationView.From(gift, new Dictionary<Guid, string> { [userId] = user.DisplayName });
    }

    private static string Text(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Required(field);
        if (text.Length > GiftDeclaration.MaxTextLength)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, GiftDeclaration.MaxTextLength);
        return text;
    }
}
