using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Ledger;

/// <summary>
/// 工作小结: what a staff member writes about their day at sign-out ("工作结束，根据经办业务分类做好工作小结"),
/// one per person and hall-local day, kept with the service ledger (S6) and editable that day only.
/// </summary>
public class DaySummary
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The hall's local date.</summary>
    public DateOnly Day { get; set; }
    /// <summary>As stored for everyone: ID and mobile numbers written into it are masked (P3).</summary>
    public string Text { get; set; } = "";
    /// <summary>The original text, sealed when it held such numbers; empty otherwise.</summary>
    public string TextCipher { get; set; } = "";
    public DateTime WrittenAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

internal sealed class DaySummaryConfiguration : IEntityTypeConfiguration<DaySummary>
{
    public void Configure(EntityTypeBuilder<DaySummary> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(DaySummary.MaxLength);
        // One summary per person and day, even when two sign-outs race.
        builder.HasIndex(s => new { s.UserId, s.Day }).IsUnique();
        builder.HasIndex(s => new { s.HallId, s.Day });
        builder.HasOne<Hall>().WithMany().HasForeignKey(s => s.HallId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
