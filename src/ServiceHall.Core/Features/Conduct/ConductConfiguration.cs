using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Conduct;

internal sealed class ConductPhraseConfiguration : IEntityTypeConfiguration<ConductPhrase>
{
    public void Configure(EntityTypeBuilder<ConductPhrase> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(ConductPhrase.MaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        // One row per phrase text in a hall: seeding twice (two nodes) fails instead of doubling the list.
        builder.HasIndex(p => new { p.HallId, p.Text }).IsUnique();
    }
}

internal sealed class ConductCheckConfiguration : IEntityTypeConfiguration<ConductCheck>
{
    public void Configure(EntityTypeBuilder<ConductCheck> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(ConductCheck.MaxTextLength);
        builder.HasIndex(c => new { c.HallId, c.CheckedAt });
        builder.HasIndex(c => c.TicketId);
    }
}

internal sealed class ConductFindingConfiguration : IEntityTypeConfiguration<ConductFinding>
{
    public void Configure(EntityTypeBuilder<ConductFinding> builder)
    {
        builder.Property(f => f.Phrase).HasMaxLength(ConductPhrase.MaxLength);
        builder.Property(f => f.Matched).HasMaxLength(ConductPhrase.MaxLength * 2);
        builder.Property(f => f.ReviewNote).HasMaxLength(500);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => new { f.HallId, f.Status, f.FoundAt });
        builder.HasIndex(f => new { f.StaffUserId, f.FoundAt });
        builder.HasOne<ConductCheck>().WithMany().HasForeignKey(f => f.CheckId);
    }
}
