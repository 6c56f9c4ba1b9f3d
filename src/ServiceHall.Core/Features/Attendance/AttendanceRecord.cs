using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Attendance;

/// <summary>One staff member's day at the hall: signed in and out at the workstation (S3).</summary>
public class AttendanceRecord
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The hall's local date.</summary>
    public DateOnly Day { get; set; }
    /// <summary>The day's first sign-in: it decides lateness.</summary>
    public DateTime SignedInAt { get; set; }
    /// <summary>The day's last sign-out; cleared while signed in again after a break.</summary>
    public DateTime? SignedOutAt { get; set; }
    /// <summary>How many times the person signed in that day (more than one: breaks such as lunch).</summary>
    public int SignInCount { get; set; } = 1;
}

public enum LeaveKind
{
    Annual,
    Sick,
    Personal,
    Official,
    Other,
}

/// <summary>Leave recorded by a supervisor: days on leave are not absences.</summary>
public class LeaveRecord
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public LeaveKind Kind { get; set; }
    public required string Reason { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        // One record per person and day: a second sign-in (or two nodes at once) is refused.
        builder.HasIndex(a => new { a.UserId, a.Day }).IsUnique();
        builder.HasIndex(a => new { a.HallId, a.Day });
        // Days recorded before breaks were counted had one sign-in.
        builder.Property(a => a.SignInCount).HasDefaultValue(1);
    }
}

internal sealed class LeaveRecordConfiguration : IEntityTypeConfiguration<LeaveRecord>
{
    public void Configure(EntityTypeBuilder<LeaveRecord> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Reason).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(l => new { l.HallId, l.From });
        builder.HasIndex(l => new { l.UserId, l.From });
    }
}
