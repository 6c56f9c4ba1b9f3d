using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Inquiries;

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.Property(i => i.Question).HasMaxLength(InquiryLimits.Text);
        builder.Property(i => i.Reply).HasMaxLength(InquiryLimits.Text);
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CitizenNameCipher).HasMaxLength(1000);
        builder.Property(i => i.CitizenNameMasked).HasMaxLength(50);
        builder.Property(i => i.ContactCipher).HasMaxLength(1000);
        builder.Property(i => i.ContactMasked).HasMaxLength(100);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.HallId, i.Status, i.PromisedReplyAt });
        builder.HasIndex(i => new { i.HallId, i.OwnerUserId, i.RecordedAt });
        builder.HasOne<Hall>().WithMany().HasForeignKey(i => i.HallId);
        builder.HasMany(i => i.Forwards).WithOne().HasForeignKey(f => f.InquiryId);
    }
}

internal sealed class InquiryForwardConfiguration : IEntityTypeConfiguration<InquiryForward>
{
    public void Configure(EntityTypeBuilder<InquiryForward> builder)
    {
        builder.Property(f => f.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.AcceptingBody).HasMaxLength(100);
        builder.Property(f => f.ResponsiblePersonName).HasMaxLength(50);
        builder.Property(f => f.ResponsiblePersonContact).HasMaxLength(InquiryLimits.Contact);
        builder.Property(f => f.Note).HasMaxLength(Reasons.MaxLength);
    }
}

public static class InquiryLimits
{
    public const int Text = 1000;
    public const int Contact = 100;
    /// <summary>A promise further out than this is not a reply promise (复杂问题 ≤ 3 working days, 协调 ≤ a week).</summary>
    public const int MaxPromiseDays = 30;
}
