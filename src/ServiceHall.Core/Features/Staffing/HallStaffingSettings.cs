using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>
/// A hall's staffing target (B1): this share of citizens called within this many minutes, judged on this many
/// weeks of history. A hall without a row uses <see cref="StaffingTarget.Default"/> (80 % within 10 minutes, 8 weeks).
/// </summary>
public class HallStaffingSettings
{
    public Guid HallId { get; set; }
    public int TargetPercent { get; set; }
    public int TargetWaitMinutes { get; set; }
    public int HistoryWeeks { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>
/// The counters a hall plans to open on a weekday in one local hour (9 for 09:00–09:59), set by a supervisor.
/// Where a weekday-hour has no row the plan uses the counters that were open then in the history weeks.
/// </summary>
public class PlannedCounters
{
    public Guid HallId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public int Hour { get; set; }
    public int Counters { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>The target in force for a hall.</summary>
/// <param name="Custom">False while the hall uses the defaults.</param>
public sealed record StaffingTarget(int TargetPercent, int TargetWaitMinutes, int HistoryWeeks, bool Custom)
{
    /// <summary>"服务对象等候时间≤10分钟" for 80 % of citizens, judged on 8 weeks.</summary>
    public static readonly StaffingTarget Default = new(80, 10, 8, false);

    public double ServiceLevel => TargetPercent / 100.0;

    public static StaffingTarget From(HallStaffingSettings? s) =>
        s is null ? Default : new(s.TargetPercent, s.TargetWaitMinutes, s.HistoryWeeks, true);
}

internal sealed class HallStaffingSettingsConfiguration : IEntityTypeConfiguration<HallStaffingSettings>
{
    public void Configure(EntityTypeBuilder<HallStaffingSettings> builder)
    {
        builder.HasKey(s => s.HallId);
        builder.HasOne<Halls.Hall>().WithOne().HasForeignKey<HallStaffingSettings>(s => s.HallId);
    }
}

internal sealed class PlannedCountersConfiguration : IEntityTypeConfiguration<PlannedCounters>
{
    public void Configure(EntityTypeBuilder<PlannedCounters> builder)
    {
        builder.HasKey(p => new { p.HallId, p.Weekday, p.Hour });
        builder.Property(p => p.Weekday).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Halls.Hall>().WithMany().HasForeignKey(p => p.HallId);
    }
}
