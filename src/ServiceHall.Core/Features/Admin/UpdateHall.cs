using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Admin;

/// <summary>Changes a hall's name, hours, cut-off and queue policy; they apply from the next call or scan.</summary>
public sealed class UpdateHall(HallDbContext db, IHallNotifier notifier)
{
    public async Task<HallSettingsView> HandleAsync(Guid hallId, HallRequest request, CancellationToken ct)
    {
        HallSettingsView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var hall = await db.Halls.FirstOrDefaultAsync(h => h.Id == hallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
            request.ApplyTo(hall);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            view = HallSettingsView.From(hall);
        }
        notifier.QueueChanged(hallId);
        return view;
    }
}
