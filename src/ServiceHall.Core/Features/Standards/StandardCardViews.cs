using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

public sealed record StandardCardView(Guid Id, Guid HallId, StandardRule Rule, string Code, StandardMeasure Measure, CardColour Colour,
    StandardScope Unit, Guid UnitId, string UnitName, Guid? StaffUserId, string? StaffName, DateOnly Day, double Figure, int Threshold,
    List<string> Records, DateTime IssuedAt, CardStatus Status, string? ResponseReason, string? ResponseMeasure, DateTime? ClosedAt,
    Guid? ClosedByUserId, string? ClosedByName);

/// <summary>Cards for supervisors (a hall's, by status and month) and for staff (their own); each with the names of whom it concerns.</summary>
public sealed class ListStandardCards(HallDbContext db)
{
    public const int MaxListed = 500;

    /// <param name="month">Any day of the month whose cards to list; all months when null.</param>
    public async Task<List<StandardCardView>> ForHallAsync(Guid hallId, Guid readerId, CardStatus? status, DateOnly? month, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var query = db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId);
        if (status is { } s)
            query = query.Where(c => c.Status == s);
        if (month is { } m)
        {
            var from = new DateOnly(m.Year, m.Month, 1);
            var until = from.AddMonths(1);
            query = query.Where(c => c.Day >= from && c.Day < until);
        }
        return await ViewsAsync(db, query.OrderByDescending(c => c.IssuedAt).Take(MaxListed), ct);
    }

    /// <summary>The cards a staff member answers: open ones first.</summary>
    public async Task<List<StandardCardView>> MineAsync(Guid userId, CancellationToken ct) =>
        await ViewsAsync(db, db.StandardCards.AsNoTracking().Where(c => c.StaffUserId == userId)
            .OrderBy(c => c.Status == CardStatus.Open ? 0 : 1).ThenByDescending(c => c.IssuedAt).Take(MaxListed), ct);

    /// <summary>How many yellow and red cards a staff member has still to answer (the counter page's notice).</summary>
    public async Task<(int Yellow, int Red)> OpenCountAsync(Guid userId, CancellationToken ct)
    {
        var colours = await db.StandardCards.AsNoTracking().Where(c => c.StaffUserId == userId && c.Status == CardStatus.Open)
            .Select(c => c.Colour).ToListAsync(ct);
        return (colours.Count(c => c == CardColour.Yellow), colours.Count(c => c == CardColour.Red));
    }

    public async Task<StandardCardView> GetAsync(Guid cardId, Guid readerId, CancellationToken ct)
    {
        var card = await db.StandardCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, ct)
            ?? throw DomainException.NotFound(StandardErrors.CardNotFound);
        await CardAccess.EnsureMayReadAsync(db, card, readerId, ct);
        return (await ViewsAsync(db, db.StandardCards.AsNoTracking().Where(c => c.Id == cardId), ct)).Single();
    }

    internal static async Task<List<StandardCardView>> ViewsAsync(HallDbContext db, IQueryable<StandardCard> query, CancellationToken ct)
    {
        var cards = await query.ToListAsync(ct);
        var userIds = cards.SelectMany(c => new[] { c.StaffUserId, c.ClosedByUserId, c.Unit == StandardScope.Staff ? (Guid?)c.UnitId : null })
            .OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => Punctuation.WithDetail(u.DisplayName, u.BadgeNumber), ct);
        var unitIds = cards.Select(c => c.UnitId).Distinct().ToList();
        var counters = await db.Counters.AsNoTracking().Where(c => unitIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => LocalNames.Of(c.Name, c.NameEn), ct);
        var departments = await db.Departments.AsNoTracking().Where(d => unitIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct);
        return [.. cards.Select(c =>
        {
            var unitName = c.Unit switch
            {
                StandardScope.Counter => counters.GetValueOrDefault(c.UnitId),
                StandardScope.Department => departments.GetValueOrDefault(c.UnitId),
                _ => people.GetValueOrDefault(c.UnitId),
            } ?? "";
            return new StandardCardView(c.Id, c.HallId, c.Rule, StandardCatalog.Info(c.Rule).Code, StandardCatalog.Info(c.Rule).Measure, c.Colour,
                c.Unit, c.UnitId, unitName, c.StaffUserId, c.StaffUserId is { } s ? people.GetValueOrDefault(s) : null, c.Day, c.Figure,
                c.Threshold, [.. c.Records.Split(StandardCard.RecordSeparator, StringSplitOptions.RemoveEmptyEntries)], c.IssuedAt, c.Status,
                c.ResponseReason, c.ResponseMeasure, c.ClosedAt, c.ClosedByUserId, c.ClosedByUserId is { } by ? people.GetValueOrDefault(by) : null);
        })];
    }
}

/// <summary>A card is its responsible staff member's and the supervisors' (and administrators') of its hall.</summary>
public static class CardAccess
{
    public static async Task<bool> IsSupervisorAsync(HallDbContext db, Guid userId, CancellationToken ct) =>
        await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Supervisor || r.Name == Roles.Admin)), ct);

    public static async Task EnsureMayReadAsync(HallDbContext db, StandardCard card, Guid userId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, card.HallId, userId, ct);
        if (card.StaffUserId != userId && !await IsSupervisorAsync(db, userId, ct))
            throw new DomainException(ErrorKind.Forbidden, StandardErrors.CardNotYours);
    }
}
