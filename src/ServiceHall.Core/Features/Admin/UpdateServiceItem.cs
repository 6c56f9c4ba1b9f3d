using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// Changes an item's name, prefix, thresholds or counters, or deactivates it. Tickets refer to items,
/// so an item is never deleted: an inactive one issues no tickets, and those already waiting are still served.
/// </summary>
public sealed class UpdateServiceItem(HallDbContext db, IHallNotifier notifier)
{
    public async Task<ServiceItemSettingsView> HandleAsync(Guid itemId, ServiceItemRequest request, CancellationToken ct)
    {
        ServiceItemSettingsView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var item = await db.ServiceItems.Include(i => i.Counters).FirstOrDefaultAsync(i => i.Id == itemId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
            await CreateServiceItem.ApplyAsync(db, item, request, ct);
            await CreateServiceItem.SaveAsync(db, item, ct);
            await write.CommitAsync(ct);
            view = ServiceItemSettingsView.From(item);
        }
        notifier.QueueChanged(view.HallId);
        return view;
    }
}
