using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// A hall's rules for appointments (Q8). A hall without a row uses <see cref="AppointmentRules.Default"/>.
/// </summary>
public class HallAppointmentSettings
{
    public Guid HallId { get; set; }
    /// <summary>Per cent of each slot held for on-site booking and the elderly (国办发〔2020〕45号, 保留线下号源).</summary>
    public int HeldPercent { get; set; }
    /// <summary>The hall's local time on the slot's day from which unused held places are bookable online too.</summary>
    public TimeOnly HeldReleaseAt { get; set; }
    /// <summary>From this age (by the ID number's birth date) an online booking may take a held place.</summary>
    public int ElderlyAge { get; set; }
    /// <summary>A booking may be cancelled until this many minutes before its slot begins.</summary>
    public int CancelBeforeMinutes { get; set; }
    /// <summary>Check-in opens this many minutes before the slot begins…</summary>
    public int CheckInEarlyMinutes { get; set; }
    /// <summary>…and closes this many minutes after it began; a booking not checked in by then is a no-show.</summary>
    public int CheckInLateMinutes { get; set; }
    /// <summary>爽约: this many no-shows within <see cref="NoShowWindowDays"/> block online booking for <see cref="BlockDays"/>.</summary>
    public int NoShowLimit { get; set; }
    public int NoShowWindowDays { get; set; }
    public int BlockDays { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>
/// How an item is booked: slots of this length and capacity on every day the item is served, this many days
/// ahead. An item without a plan is not bookable.
/// </summary>
public class AppointmentPlan
{
    public Guid ServiceItemId { get; set; }
    public Guid HallId { get; set; }
    public int SlotMinutes { get; set; }
    public int Capacity { get; set; }
    public int DaysAhead { get; set; }
    /// <summary>One set of slots per counter serving the item (a doctor's or a clerk's own list), not one for the item.</summary>
    public bool PerCounter { get; set; }
    /// <summary>The item needs the ID number at booking (and check-in may be by ID number).</summary>
    public bool RequiresIdNumber { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>
/// A bookable time (预约时段) of an item, of one counter when the plan says so. <see cref="Booked"/> changes only by a
/// conditional update against <see cref="Capacity"/>, so two nodes never sell the same place.
/// </summary>
public class AppointmentSlot
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    public Guid? CounterId { get; set; }
    /// <summary>
    /// The staff member (a doctor) the slot is with, named by a supervisor: its tickets go to the counter they are signed in
    /// at when the citizen checks in, else to the item's appointment lane.
    /// </summary>
    public Guid? StaffUserId { get; set; }
    /// <summary>The counter, or <see cref="Guid.Empty"/> for the whole item: unique with the item and start (NULLs are never equal in an index).</summary>
    public Guid ResourceKey { get; set; }
    /// <summary>The hall's local date of the slot.</summary>
    public DateOnly Day { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public int Capacity { get; set; }
    /// <summary>Places of <see cref="Capacity"/> held for on-site booking and the elderly until the release time.</summary>
    public int Held { get; set; }
    public int Booked { get; set; }
}

public enum BookingStatus
{
    Booked,
    Cancelled,
    CheckedIn,
    NoShow,
}

public enum BookingChannel
{
    /// <summary>An appointment platform or the phone page: held places only for the elderly or after the release.</summary>
    Online,
    /// <summary>At the hall, by staff: may take held places.</summary>
    OnSite,
}

/// <summary>A citizen's booking of one slot (预约). Name, phone and ID number are sealed by the vault (P3).</summary>
public class Booking
{
    public const int CodeLength = 8;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    public Guid SlotId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>The slot's times, kept here for the no-show scan and the person's record.</summary>
    public DateTime SlotStart { get; set; }
    public DateTime SlotEnd { get; set; }
    /// <summary>What the citizen shows at check-in (and the QR code carries); unique.</summary>
    public required string Code { get; set; }
    public BookingStatus Status { get; set; }
    public BookingChannel Channel { get; set; }
    public string NameCipher { get; set; } = "";
    public string NameMasked { get; set; } = "";
    public string PhoneCipher { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    public string IdNumberCipher { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    /// <summary>The vault's keyed hash of the phone: one booking per person, item and day; no-shows counted per person.</summary>
    public required string PhoneKey { get; set; }
    public string? IdNumberKey { get; set; }
    public DateTime BookedAt { get; set; }
    public Guid BookedByUserId { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public Guid? TicketId { get; set; }
    public DateTime? NoShowAt { get; set; }
}

internal sealed class HallAppointmentSettingsConfiguration : IEntityTypeConfiguration<HallAppointmentSettings>
{
    public void Configure(EntityTypeBuilder<HallAppointmentSettings> builder)
    {
        builder.HasKey(s => s.HallId);
        builder.HasOne<Halls.Hall>().WithOne().HasForeignKey<HallAppointmentSettings>(s => s.HallId);
    }
}

internal sealed class AppointmentPlanConfiguration : IEntityTypeConfiguration<AppointmentPlan>
{
    public void Configure(EntityTypeBuilder<AppointmentPlan> builder)
    {
        builder.HasKey(p => p.ServiceItemId);
        builder.HasOne<Halls.ServiceItem>().WithOne().HasForeignKey<AppointmentPlan>(p => p.ServiceItemId);
        builder.HasIndex(p => p.HallId);
    }
}

internal sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<AppointmentSlot> builder)
    {
        builder.HasOne<Halls.ServiceItem>().WithMany().HasForeignKey(s => s.ServiceItemId);
        builder.HasIndex(s => new { s.ServiceItemId, s.Start, s.ResourceKey }).IsUnique();
        builder.HasIndex(s => new { s.ServiceItemId, s.Day });
        builder.HasIndex(s => new { s.HallId, s.Day });
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Property(b => b.Code).HasMaxLength(Booking.CodeLength);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.PhoneKey).HasMaxLength(64);
        builder.Property(b => b.IdNumberKey).HasMaxLength(64);
        builder.Property(b => b.NameMasked).HasMaxLength(100);
        builder.Property(b => b.PhoneMasked).HasMaxLength(32);
        builder.Property(b => b.IdNumberMasked).HasMaxLength(32);
        builder.HasOne<AppointmentSlot>().WithMany().HasForeignKey(b => b.SlotId);
        // One booking per person, item and day, by phone and by ID number: the database refuses the second even when two nodes race.
        builder.HasIndex(b => new { b.ServiceItemId, b.Day, b.PhoneKey }).IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled'").HasDatabaseName("IX_Bookings_OnePerPhone");
        builder.HasIndex(b => new { b.ServiceItemId, b.Day, b.IdNumberKey }).IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled' AND \"IdNumberKey\" IS NOT NULL").HasDatabaseName("IX_Bookings_OnePerIdNumber");
        builder.HasIndex(b => new { b.HallId, b.PhoneKey, b.Status });
        builder.HasIndex(b => new { b.HallId, b.IdNumberKey, b.Status });
        builder.HasIndex(b => new { b.HallId, b.Day, b.Status });
        builder.HasIndex(b => b.SlotId);
        builder.HasIndex(b => new { b.HallId, b.Status, b.SlotStart });
    }
}
