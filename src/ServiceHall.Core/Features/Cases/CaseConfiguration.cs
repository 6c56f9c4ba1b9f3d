using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => new { c.HallId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.HallId, c.Status, c.DueAt });
        builder.HasIndex(c => c.TicketId);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.TimeLimitClass).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ApplicantNameCipher).HasMaxLength(1000);
        builder.Property(c => c.ApplicantNameMasked).HasMaxLength(CaseLimits.Name);
        builder.Property(c => c.ApplicantIdNumberCipher).HasMaxLength(1000);
        builder.Property(c => c.ApplicantIdNumberMasked).HasMaxLength(32);
        builder.Property(c => c.ApplicantPhoneCipher).HasMaxLength(1000);
        builder.Property(c => c.ApplicantPhoneMasked).HasMaxLength(32);
        builder.Property(c => c.ReceiptNumber).HasMaxLength(32);
        builder.Property(c => c.RefusalNumber).HasMaxLength(32);
        builder.Property(c => c.Result).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.RefusalReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.RefusalBasis).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.WithdrawalReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.ExtraNoticeReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.ExtensionReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.ExtensionNumber).HasMaxLength(32);
        builder.HasOne<Hall>().WithMany().HasForeignKey(c => c.HallId);
        builder.HasOne<ServiceItem>().WithMany().HasForeignKey(c => c.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Materials).WithOne().HasForeignKey(m => m.CaseId);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId);
        builder.HasMany(c => c.Notices).WithOne().HasForeignKey(n => n.CaseId);
        builder.HasMany(c => c.Pauses).WithOne().HasForeignKey(p => p.CaseId);
    }
}

internal sealed class CaseClockPauseConfiguration : IEntityTypeConfiguration<CaseClockPause>
{
    public void Configure(EntityTypeBuilder<CaseClockPause> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Reason).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(p => new { p.CaseId, p.PausedAt });
    }
}

internal sealed class CaseMaterialConfiguration : IEntityTypeConfiguration<CaseMaterial>
{
    public void Configure(EntityTypeBuilder<CaseMaterial> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(GuideLimits.Short);
        builder.Property(m => m.Issuer).HasMaxLength(GuideLimits.Short);
        builder.Property(m => m.Notes).HasMaxLength(GuideLimits.Medium);
        builder.HasOne<ServiceMaterial>().WithMany().HasForeignKey(m => m.MaterialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Note).HasMaxLength(2 * Reasons.MaxLength + 10);
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(e => new { e.CaseId, e.Sequence });
    }
}

internal sealed class OneTimeNoticeConfiguration : IEntityTypeConfiguration<OneTimeNotice>
{
    public void Configure(EntityTypeBuilder<OneTimeNotice> builder)
    {
        builder.Property(n => n.Number).HasMaxLength(32);
        builder.HasIndex(n => new { n.HallId, n.Number }).IsUnique();
        builder.HasIndex(n => new { n.HallId, n.IssuedAt });
        builder.Property(n => n.StaffName).HasMaxLength(100);
        builder.Property(n => n.BadgeNumber).HasMaxLength(32);
        builder.Property(n => n.NextSteps).HasMaxLength(GuideLimits.Long);
        builder.Property(n => n.SpecialNotes).HasMaxLength(GuideLimits.Long);
        builder.Property(n => n.ExceptionReason).HasMaxLength(Reasons.MaxLength);
        builder.OwnsMany(n => n.MissingMaterials, m => m.ToJson());
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.HasKey(s => new { s.HallId, s.Kind, s.Year });
        builder.Property(s => s.Kind).HasMaxLength(16);
    }
}

public static class CaseLimits
{
    public const int Name = 50;
    public const int IdNumber = 30;
    public const int Phone = 30;
}
