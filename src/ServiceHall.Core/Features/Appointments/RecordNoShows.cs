using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// Q8: a booking whose check-in window has closed without a check-in is a no-show (爽约), recorded with the time; the
/// hall's rule then blocks online booking for repeat no-shows (<see cref="AppointmentRules.BlockedUntil"/>). Run by a
/// periodic scan; each booking changes only from <see cref="BookingStatus.Booked"/>, so two nodes record it once.
/// </summary>
public sealed class RecordNoShows(HallDbContext db, TimeProvider time)
{
    public async Task<int> HandleAsync(Guid hallId, CancellationToken ct)
    {
        // A hall that has switched appointments off records no no-shows (and so blocks nobody) until it switches them on.
        var off = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => h.ModulesOff).FirstOrDefaultAsync(ct);
        if (off is null || !HallModules.IsOn(off, HallModule.Appointments))
            return 0;
        var rules = await UpdateAppointmentSettings.ReadAsync(db, hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddMinutes(-rules.CheckInLateMinutes);
        var due = db.Bookings.Where(b => b.HallId == hallId && b.Status == BookingStatus.Booked && b.SlotStart < closedBefore);
        // Most scans find nothing and never take the write gate.
        if (!await due.AnyAsync(ct))
            return 0;
        await using var write = await db.BeginWriteAsync(ct);
        var recorded = await due.ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.NoShow).SetProperty(b => b.NoShowAt, now), ct);
        await write.CommitAsync(ct);
        return recorded;
    }
}
