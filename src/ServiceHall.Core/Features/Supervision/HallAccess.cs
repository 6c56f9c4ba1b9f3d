using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Supervision;

/// <summary>
/// A hall's records are for its own people: an account bound to a hall acts on that hall only;
/// city-wide accounts (no hall) on every hall.
/// </summary>
public static class HallAccess
{
    public static async Task EnsureAsync(HallDbContext db, Guid hallId, Guid userId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var userHall = await db.Users.Where(u => u.Id == userId).Select(u => u.HallId).FirstOrDefaultAsync(ct);
        if (userHall is { } own && own != hallId)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.OtherHall);
    }

    public static async Task<Guid?> UserHallAsync(HallDbContext db, Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.HallId).FirstOrDefaultAsync(ct);
}
