using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>A priority category as the kiosk, the counter and the administrator see it.</summary>
public sealed record PriorityCategoryView(Guid Id, Guid HallId, string NameZh, string NameEn, int SortOrder,
    TicketPriority PriorityClass, PriorityLane Lane, bool RequiresVerification, bool IsActive)
{
    public static PriorityCategoryView From(PriorityCategory c) =>
        new(c.Id, c.HallId, c.NameZh, c.NameEn, c.SortOrder, c.Class, PriorityClaims.LaneOf(c.Class), c.RequiresVerification, c.IsActive);
}

/// <summary>A hall's priority categories in the hall's order: those offered now (kiosk, API), or all of them (administrator).</summary>
public sealed class ListPriorityCategories(HallDbContext db)
{
    public async Task<List<PriorityCategoryView>> HandleAsync(Guid hallId, bool includeInactive, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var categories = await db.Set<PriorityCategory>().AsNoTracking()
            .Where(c => c.HallId == hallId && (includeInactive || c.IsActive))
            .ToListAsync(ct);
        return categories.OrderBy(c => c.SortOrder).ThenBy(c => c.NameZh, StringComparer.Ordinal).Select(PriorityCategoryView.From).ToList();
    }
}
