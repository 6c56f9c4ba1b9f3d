using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Gifts;

/// <summary>The register: a supervisor sees the hall's, a staff member their own; newest first.</summary>
public sealed class ListGifts(HallDbContext db)
{
    public async Task<List<GiftDeclarationView>> HandleAsync(Guid hallId, Guid readerId, bool onlyOwn, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var query = db.GiftDeclarations.AsNoTracking().Where(g => g.HallId == hallId);
        if (onlyOwn)
            query = query.Where(g => g.DeclarantUserId == readerId);
        if (from is { } f)
            query = query.Where(g => g.ReceivedOn >= f);
        if (to is { } t)
            query = query.Where(g => g.ReceivedOn <= t);
        var gifts = await query.OrderByDescending(g => g.DeclaredAt).ThenByDescending(g => g.Number).Take(5000).ToListAsync(ct);
        var ids = gifts.Select(g => g.DeclarantUserId).Concat(gifts.Select(g => g.ReviewerUserId).OfType<Guid>()).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return gifts.Select(g => GiftDeclarationView.From(g, names)).ToList();
    }
}
