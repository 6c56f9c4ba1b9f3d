using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Identity;

public sealed record HallMembershipView(Guid HallId, string HallName, string Role, bool Active);

/// <summary>The halls a person works in, the active one first, for the chooser, the switch and the administrator.</summary>
public sealed class ListHallMemberships(HallDbContext db)
{
    public async Task<List<HallMembershipView>> HandleAsync(Guid userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            throw DomainException.NotFound(ErrorCodes.UserNotFound);
        var memberships = await HallMembers.OfAsync(db, userId, ct);
        var ids = memberships.Select(m => m.HallId).ToList();
        var names = await db.Halls.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => LocalNames.Of(h.Name, h.NameEn), ct);
        return memberships.OrderByDescending(m => m.Active)
            .Select(m => new HallMembershipView(m.HallId, names.GetValueOrDefault(m.HallId, ""), m.Role, m.Active)).ToList();
    }
}
