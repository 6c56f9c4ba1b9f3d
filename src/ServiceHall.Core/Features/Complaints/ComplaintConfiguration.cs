using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(24);
        builder.HasIndex(c => new { c.HallId, c.Number }).IsUnique();
        builder.HasIndex(c => c.TrackingCode).IsUnique();
        builder.HasIndex(c => new { c.HallId, c.Status });
        // Complaint statistics read a hall's complaints by the time they came in.
        builder.HasIndex(c => new { c.HallId, c.RegisteredAt });
        builder.Property(c => c.Title).HasMaxLength(Complaint.MaxTitleLength);
        builder.Property(c => c.Content).HasMaxLength(Complaint.MaxContentLength);
        builder.Property(c => c.ComplainantNameCipher).HasMaxLength(512);
        builder.Property(c => c.ComplainantNameMasked).HasMaxLength(64);
        builder.Property(c => c.ContactPhoneCipher).HasMaxLength(512);
        builder.Property(c => c.ContactPhoneMasked).HasMaxLength(64);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(16);
        // Complaints from before categories are 其他; every new one is written with its own (no value is the sentinel).
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(16)
            .HasDefaultValue(ComplaintCategory.Other).HasSentinel((ComplaintCategory)(-1));
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DispositionReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.Finding).HasMaxLength(Complaint.MaxContentLength);
        builder.Property(c => c.Reply).HasMaxLength(Complaint.MaxContentLength);
        builder.Property(c => c.ExtensionReason).HasMaxLength(Reasons.MaxLength);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(Complaint.MaxContentLength);
        builder.HasIndex(e => e.ComplaintId);
    }
}
