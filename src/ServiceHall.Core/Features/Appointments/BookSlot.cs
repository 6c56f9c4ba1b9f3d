using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Input;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Appointments;

public sealed record BookSlotRequest([property: Text(50)] string? Name, [property: Text(20)] string? Phone,
    [property: Text(18)] string? IdNumber);

/// <summary>A booking as its maker sees it: personal data masked (the platform has what it sent).</summary>
public sealed record BookingView(Guid Id, string Code, Guid SlotId, Guid HallId, Guid ServiceItemId, DateTimeOffset Start, DateTimeOffset End,
    BookingStatus Status, string Name, string Phone, string? IdNumber, Guid? TicketId)
{
    public static BookingView Of(Booking b, HallClock clock) =>
        new(b.Id, b.Code, b.SlotId, b.HallId, b.ServiceItemId, ListSlots.Local(clock, b.SlotStart), ListSlots.Local(clock, b.SlotEnd), b.Status,
            b.NameMasked, b.PhoneMasked, b.IdNumberMasked.Length == 0 ? null : b.IdNumberMasked, b.TicketId);
}

/// <summary>
/// Q8: a citizen books a place in a slot, online (an appointment platform) or on site (staff at the hall). One booking per
/// person, item and day (by the vault's keyed hash of the phone and of the ID number, backed by unique indexes); online
/// booking refused while the person is blocked for no-shows (爽约); held places (保留线下号源) only on site, for the elderly,
/// or once released. The place is taken by one conditional update of the slot's count in the write transaction, so a slot
/// is never oversold, on one node or many.
/// </summary>
public sealed class BookSlot(HallDbContext db, IPersonalDataVault vault, TimeProvider time)
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<BookingView> HandleAsync(Guid slotId, Guid userId, BookingChannel channel, BookSlotRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            throw DomainException.Invalid("name", AppointmentErrorCodes.NameRequired);
        var phone = Phone(request.Phone);
        var idNumber = string.IsNullOrWhiteSpace(request.IdNumber) ? null : request.IdNumber.Trim().ToUpperInvariant();
        if (idNumber is not null && !PersonalNumberDetector.IsIdNumber(idNumber))
            throw DomainException.Invalid("idNumber", ErrorCodes.IdNumberInvalid);

        var slot = await db.AppointmentSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct)
                   ?? throw DomainException.NotFound(AppointmentErrorCodes.SlotNotFound);
        var plan = await db.AppointmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceItemId == slot.ServiceItemId, ct)
                   ?? throw DomainException.Conflict(AppointmentErrorCodes.NotBookable);
        if (plan.RequiresIdNumber && idNumber is null)
            throw DomainException.Invalid("idNumber", AppointmentErrorCodes.IdNumberRequired);
        var now = time.GetUtcNow().UtcDateTime;
        if (slot.Start <= now)
            throw DomainException.Conflict(AppointmentErrorCodes.SlotStarted);
        var zone = await db.Halls.AsNoTracking().Where(h => h.Id == slot.HallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        var clock = new HallClock(zone);
        var rules = await UpdateAppointmentSettings.ReadAsync(db, slot.HallId, ct);

        // Keys first: the vault may write its secret once, outside any write transaction.
        var phoneKey = await vault.LookupKeyAsync(PersonalDataKind.Phone, phone, ct);
        var idKey = idNumber is null ? null : await vault.LookupKeyAsync(PersonalDataKind.IdNumber, idNumber, ct);

        if (channel == BookingChannel.Online && await BlockedUntilAsync(db, rules, slot.HallId, phoneKey, idKey, now, ct) is { } until)
            throw DomainException.Conflict(AppointmentErrorCodes.Blocked, clock.DateTimeText(until));
        if (await HoldsBookingAsync(slot, phoneKey, idKey, ct))
            throw DomainException.Conflict(AppointmentErrorCodes.AlreadyBooked);

        var mayTakeHeld = rules.MayTakeHeld(channel, IdNumberAge.On(idNumber, slot.Day), slot.Day, clock.ToLocal(now));
        var sealedName = vault.Seal(PersonalDataKind.Name, name);
        var sealedPhone = vault.Seal(PersonalDataKind.Phone, phone);
        var sealedId = idNumber is null ? new SealedValue("", "") : vault.Seal(PersonalDataKind.IdNumber, idNumber);
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(now), HallId = slot.HallId, ServiceItemId = slot.ServiceItemId, SlotId = slot.Id, Day = slot.Day,
            SlotStart = slot.Start, SlotEnd = slot.End, Code = NewCode(), Status = BookingStatus.Booked, Channel = channel,
            NameCipher = sealedName.Cipher, NameMasked = sealedName.Masked, PhoneCipher = sealedPhone.Cipher, PhoneMasked = sealedPhone.Masked,
            IdNumberCipher = sealedId.Cipher, IdNumberMasked = sealedId.Masked, PhoneKey = phoneKey, IdNumberKey = idKey,
            BookedAt = now, BookedByUserId = userId,
        };

        try
        {
            await using var write = await db.BeginWriteAsync(ct);
            // The place is taken here or not at all: the count is compared and raised in one statement, under the row's lock.
            var slots = db.AppointmentSlots.Where(s => s.Id == slot.Id);
            var taken = mayTakeHeld
                ? await slots.Where(s => s.Booked < s.Capacity).ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked + 1), ct)
                : await slots.Where(s => s.Booked < s.Capacity - s.Held).ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked + 1), ct);
            if (taken == 0)
                throw DomainException.Conflict(AppointmentErrorCodes.SlotFull);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique indexes: the same person booked this item and day a moment ago, on this node or another.
            db.Entry(booking).State = EntityState.Detached;
            if (await HoldsBookingAsync(slot, phoneKey, idKey, ct))
                throw DomainException.Conflict(AppointmentErrorCodes.AlreadyBooked);
            throw;
        }
        return BookingView.Of(booking, clock);
    }

    private Task<bool> HoldsBookingAsync(AppointmentSlot slot, string phoneKey, string? idKey, CancellationToken ct) =>
        db.Bookings.AnyAsync(b => b.ServiceItemId == slot.ServiceItemId && b.Day == slot.Day && b.Status != BookingStatus.Cancelled
            && (b.PhoneKey == phoneKey || (idKey != null && b.IdNumberKey == idKey)), ct);

    /// <summary>The end of a 爽约 block on this person (by phone or ID number), or null.</summary>
    public static async Task<DateTime?> BlockedUntilAsync(HallDbContext db, AppointmentRules rules, Guid hallId, string phoneKey, string? idKey,
        DateTime now, CancellationToken ct)
    {
        if (rules.NoShowLimit <= 0)
            return null;
        var since = now.AddDays(-rules.NoShowWindowDays);
        var noShows = await db.Bookings.AsNoTracking()
            .Where(b => b.HallId == hallId && b.Status == BookingStatus.NoShow && b.NoShowAt > since
                && (b.PhoneKey == phoneKey || (idKey != null && b.IdNumberKey == idKey)))
            .Select(b => b.NoShowAt!.Value).ToListAsync(ct);
        return rules.BlockedUntil(noShows, now);
    }

    /// <summary>Mobile or landline digits (spaces and dashes dropped, a leading + kept), 7 to 20 of them.</summary>
    public static string Phone(string? value)
    {
        var phone = string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (phone.Length == 0)
            throw DomainException.Required("phone");
        var digits = phone.StartsWith('+') ? phone[1..] : phone;
        if (digits.Length is < 7 or > 20 || !digits.All(char.IsAsciiDigit))
            throw DomainException.Invalid("phone", ErrorCodes.PhoneInvalid);
        return phone;
    }

    /// <summary>Eight characters without 0/O and 1/I, easy to read aloud and type at a kiosk: 32⁸ ≈ 10¹² codes.</summary>
    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, Booking.CodeLength));
}
