using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>A hall's own weight for one indicator; an indicator without a row weighs its default (<see cref="AssessmentRules.Indicators"/>).</summary>
public class AssessmentWeight
{
    public Guid HallId { get; set; }
    public AssessmentIndicator Indicator { get; set; }
    public int Weight { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>
/// A hall's own target for tickets served (ADR-024): so many per staff member and working day attended, so that part-time
/// and absent days count fairly. Without one, tickets served are scored against the month's best.
/// </summary>
public class AssessmentServedTarget
{
    public Guid HallId { get; set; }
    public int PerDay { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>A score recorded by hand (training, 模拟接待, 仪容仪表, commendation) for one unit on one day; removed only with a reason.</summary>
public class AssessmentManualItem
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public AssessmentScope Scope { get; set; }
    public Guid UnitId { get; set; }
    public ManualItemKind Kind { get; set; }
    public double Points { get; set; }
    public required string Reason { get; set; }
    /// <summary>The hall's date it concerns: it counts in that month.</summary>
    public DateOnly Day { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedByUserId { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>A closed month: its scores as they were at closing (the snapshot), and whether the hall published its ranking (公示).</summary>
public class AssessmentClosedMonth
{
    public Guid HallId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateTime ClosedAt { get; set; }
    public Guid ClosedByUserId { get; set; }
    /// <summary>The month's weights and rows of every scope, as JSON (<see cref="AssessmentSnapshot"/>).</summary>
    public required string Snapshot { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedByUserId { get; set; }
}

/// <summary>A correction to a closed month: shown beside the frozen score, never changing it.</summary>
public class AssessmentAdjustment
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public AssessmentScope Scope { get; set; }
    public Guid UnitId { get; set; }
    public double Points { get; set; }
    public required string Reason { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum AssessmentAction
{
    WeightsChanged,
    ManualItemRecorded,
    ManualItemRemoved,
    MonthClosed,
    AdjustmentRecorded,
    RankingPublished,
    RankingWithdrawn,
    ServedTargetChanged,
}

/// <summary>Every change to a hall's assessment with who and when (the audit trail of weights, manual items, closing).</summary>
public class AssessmentEvent
{
    public const int MaxDetailLength = 500;

    public long Id { get; set; }
    public Guid HallId { get; set; }
    public AssessmentAction Action { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public required string Detail { get; set; }
}

internal sealed class AssessmentWeightConfiguration : IEntityTypeConfiguration<AssessmentWeight>
{
    public void Configure(EntityTypeBuilder<AssessmentWeight> builder)
    {
        builder.HasKey(w => new { w.HallId, w.Indicator });
        builder.Property(w => w.Indicator).HasConversion<string>().HasMaxLength(24);
        builder.HasOne<Hall>().WithMany().HasForeignKey(w => w.HallId);
    }
}

internal sealed class AssessmentServedTargetConfiguration : IEntityTypeConfiguration<AssessmentServedTarget>
{
    public void Configure(EntityTypeBuilder<AssessmentServedTarget> builder)
    {
        builder.HasKey(t => t.HallId);
        builder.HasOne<Hall>().WithMany().HasForeignKey(t => t.HallId);
    }
}

internal sealed class AssessmentManualItemConfiguration : IEntityTypeConfiguration<AssessmentManualItem>
{
    public void Configure(EntityTypeBuilder<AssessmentManualItem> builder)
    {
        builder.Property(m => m.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Reason).HasMaxLength(Reasons.MaxLength);
        builder.Property(m => m.RemovalReason).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(m => new { m.HallId, m.Day });
        builder.HasOne<Hall>().WithMany().HasForeignKey(m => m.HallId);
    }
}

internal sealed class AssessmentClosedMonthConfiguration : IEntityTypeConfiguration<AssessmentClosedMonth>
{
    public void Configure(EntityTypeBuilder<AssessmentClosedMonth> builder)
    {
        // The key is what makes a second close (or two nodes closing at once) a conflict.
        builder.HasKey(m => new { m.HallId, m.Year, m.Month });
        builder.HasOne<Hall>().WithMany().HasForeignKey(m => m.HallId);
    }
}

internal sealed class AssessmentAdjustmentConfiguration : IEntityTypeConfiguration<AssessmentAdjustment>
{
    public void Configure(EntityTypeBuilder<AssessmentAdjustment> builder)
    {
        builder.Property(a => a.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Reason).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(a => new { a.HallId, a.Year, a.Month });
        builder.HasOne<Hall>().WithMany().HasForeignKey(a => a.HallId);
    }
}

internal sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> builder)
    {
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Detail).HasMaxLength(AssessmentEvent.MaxDetailLength);
        builder.HasIndex(e => new { e.HallId, e.At });
        builder.HasOne<Hall>().WithMany().HasForeignKey(e => e.HallId);
    }
}
