using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Ratings;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        // One rating per service (一次一评): the database refuses a second even when two arrive together.
        builder.HasIndex(r => r.TicketId).IsUnique();
        builder.Property(r => r.TicketNumber).HasMaxLength(16);
        builder.Property(r => r.Reasons).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(Rating.MaxCommentLength);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.HallId, r.RatedAt });
        // The figures count ratings by their service's day: a year of a large hall's ratings by level is read from this
        // index alone, without visiting the rows.
        builder.HasIndex(r => new { r.HallId, r.BusinessDay, r.Level, r.ExcludedAt });
        builder.Property(r => r.ExclusionReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(r => r.ContactPhoneCipher).HasMaxLength(1000);
        builder.Property(r => r.ContactPhoneMasked).HasMaxLength(32);
    }
}

internal sealed class RatingFollowUpConfiguration : IEntityTypeConfiguration<RatingFollowUp>
{
    public void Configure(EntityTypeBuilder<RatingFollowUp> builder)
    {
        builder.HasIndex(f => f.RatingId).IsUnique();
        builder.HasOne<Rating>().WithOne().HasForeignKey<RatingFollowUp>(f => f.RatingId);
        builder.Property(f => f.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.CallbackNote).HasMaxLength(Reasons.MaxLength);
        builder.Property(f => f.VerificationNote).HasMaxLength(Reasons.MaxLength);
        builder.Property(f => f.RectificationNote).HasMaxLength(Reasons.MaxLength);
        builder.Property(f => f.ReportNote).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(f => new { f.HallId, f.Stage });
    }
}

internal sealed class FollowUpEventConfiguration : IEntityTypeConfiguration<FollowUpEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpEvent> builder)
    {
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(e => e.FollowUpId);
    }
}
