using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Alerts;

/// <summary>The open alerts of a hall, oldest first.</summary>
public sealed class ListAlerts(HallDbContext db)
{
    public async Task<List<AlertView>> HandleAsync(Guid hallId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        return await OpenAsync(db, hallId, ct);
    }

    internal static async Task<List<AlertView>> OpenAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        (await db.Alerts.AsNoTracking().Where(a => a.HallId == hallId && a.ClearedAt == null)
            .OrderBy(a => a.RaisedAt).ToListAsync(ct)).Select(AlertView.From).ToList();
}
