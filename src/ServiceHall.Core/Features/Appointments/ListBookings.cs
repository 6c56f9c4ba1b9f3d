using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>A slot as supervisors see it: its places and what became of its bookings.</summary>
public sealed record SlotDetail(Guid Id, Guid ServiceItemId, string ItemName, Guid? CounterId, int? CounterNumber, DateTimeOffset Start,
    DateTimeOffset End, int Capacity, int Held, int Booked, int CheckedIn, int NoShows, int Cancelled, Guid? StaffUserId = null,
    string? StaffName = null);

/// <summary>A booking in the supervisors' list: personal data masked (revealed one by one, audited).</summary>
public sealed record BookingRow(Guid Id, Guid SlotId, BookingStatus Status, BookingChannel Channel, string Name, string Phone, string? IdNumber,
    DateTimeOffset BookedAt, DateTimeOffset? CheckedInAt, string? TicketNumber);

/// <summary>No-show rate: of the bookings whose check-in has closed, the share never checked in; null before any.</summary>
public sealed record BookingDay(DateOnly Date, List<SlotDetail> Slots, List<BookingRow> Bookings, int Booked, int CheckedIn, int NoShows,
    int Cancelled, double? NoShowRate);

/// <summary>Q8 for supervisors: a day's slots with bookings, check-ins and no-shows, and the no-show rate.</summary>
public sealed class ListBookings(HallDbContext db)
{
    public async Task<BookingDay> HandleAsync(Guid hallId, DateOnly? date, Guid readerId, CancellationToken ct)
    {
        if (date is not { } day)
            throw DomainException.Required("date");
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var slots = await SlotsAsync(db, hallId, day, null, ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var bookings = await (from b in db.Bookings.AsNoTracking()
                join t in db.Tickets.AsNoTracking() on b.TicketId equals (Guid?)t.Id into tickets
                from t in tickets.DefaultIfEmpty()
                where b.HallId == hallId && b.Day == day
                orderby b.SlotStart, b.BookedAt
                select new { b, Number = t == null ? null : t.Number })
            .ToListAsync(ct);
        var rows = bookings.Select(x => new BookingRow(x.b.Id, x.b.SlotId, x.b.Status, x.b.Channel, x.b.NameMasked, x.b.PhoneMasked,
            x.b.IdNumberMasked.Length == 0 ? null : x.b.IdNumberMasked, ListSlots.Local(clock, x.b.BookedAt),
            x.b.CheckedInAt is { } c ? ListSlots.Local(clock, c) : null, x.Number)).ToList();
        int Count(BookingStatus s) => rows.Count(r => r.Status == s);
        var (checkedIn, noShows) = (Count(BookingStatus.CheckedIn), Count(BookingStatus.NoShow));
        var active = rows.Count(r => r.Status != BookingStatus.Cancelled);
        return new BookingDay(day, slots, rows, active, checkedIn, noShows, Count(BookingStatus.Cancelled),
            checkedIn + noShows == 0 ? null : (double)noShows / (checkedIn + noShows));
    }

    internal static async Task<List<SlotDetail>> SlotsAsync(HallDbContext db, Guid hallId, DateOnly day, Guid? onlySlot, CancellationToken ct)
    {
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var slots = await (from s in db.AppointmentSlots.AsNoTracking()
                join i in db.ServiceItems.AsNoTracking() on s.ServiceItemId equals i.Id
                join c in db.Counters.AsNoTracking() on s.CounterId equals (Guid?)c.Id into counters
                from c in counters.DefaultIfEmpty()
                join u in db.Users.AsNoTracking() on s.StaffUserId equals (Guid?)u.Id into staff
                from u in staff.DefaultIfEmpty()
                where s.HallId == hallId && s.Day == day && (onlySlot == null || s.Id == onlySlot)
                orderby i.SortOrder, s.Start, c.Number
                select new { s, i.Name, i.NameEn, Number = c == null ? (int?)null : c.Number, Staff = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        var ids = slots.Select(x => x.s.Id).ToList();
        var counts = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SlotId))
            .GroupBy(b => new { b.SlotId, b.Status }).Select(g => new { g.Key.SlotId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Of(Guid slot, BookingStatus status) => counts.FirstOrDefault(c => c.SlotId == slot && c.Status == status)?.Count ?? 0;
        return slots.Select(x => new SlotDetail(x.s.Id, x.s.ServiceItemId, LocalNames.Of(x.Name, x.NameEn), x.s.CounterId, x.Number, ListSlots.Local(clock, x.s.Start),
            ListSlots.Local(clock, x.s.End), x.s.Capacity, x.s.Held, x.s.Booked, Of(x.s.Id, BookingStatus.CheckedIn),
            Of(x.s.Id, BookingStatus.NoShow), Of(x.s.Id, BookingStatus.Cancelled), x.s.StaffUserId, x.Staff)).ToList();
    }
}
