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
    public DateTime SignedInAt { get; set; }
    public DateTime? SignedOutAt { get; set; }
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
