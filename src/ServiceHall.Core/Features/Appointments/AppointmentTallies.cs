using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// Bookings of one item for one day (the slot's day in the hall's zone): those standing (not cancelled, whatever became of
/// them), checked in, no-shows (爽约) and cancelled.
/// </summary>
public sealed record AppointmentDayCount(DateOnly Day, Guid ServiceItemId, string ServiceItemName, int Booked, int CheckedIn, int NoShows,
    int Cancelled);

/// <summary>Q8 in the service ledger and the past figures: bookings per item and day, counted in the database.</summary>
public static class AppointmentTallies
{
    public static async Task<List<AppointmentDayCount>> PerItemAndDayAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var rows = await db.Bookings.AsNoTracking().Where(b => b.HallId == hallId && b.Day >= from && b.Day <= to)
            .GroupBy(b => new { b.Day, b.ServiceItemId, b.Status })
            .Select(g => new { g.Key.Day, g.Key.ServiceItemId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => new { i.Name, i.SortOrder }, ct);
        return rows.GroupBy(r => (r.Day, r.ServiceItemId))
            .Select(g =>
            {
                int Of(BookingStatus status) => g.Where(r => r.Status == status).Sum(r => r.Count);
                return new AppointmentDayCount(g.Key.Day, g.Key.ServiceItemId, items.GetValueOrDefault(g.Key.ServiceItemId)?.Name ?? "",
                    g.Where(r => r.Status != BookingStatus.Cancelled).Sum(r => r.Count), Of(BookingStatus.CheckedIn), Of(BookingStatus.NoShow),
                    Of(BookingStatus.Cancelled));
            })
            .OrderBy(c => c.Day).ThenBy(c => items.GetValueOrDefault(c.ServiceItemId)?.SortOrder ?? 0).ThenBy(c => c.ServiceItemName, StringComparer.Ordinal)
            .ToList();
    }
}
