using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Guides;

internal sealed class ServiceGuideConfiguration : IEntityTypeConfiguration<ServiceGuide>
{
    public void Configure(EntityTypeBuilder<ServiceGuide> builder)
    {
        builder.HasKey(g => g.ServiceItemId);
        builder.HasOne<ServiceItem>().WithOne().HasForeignKey<ServiceGuide>(g => g.ServiceItemId);
        builder.Property(g => g.TimeLimitClass).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.ItemType).HasMaxLength(GuideLimits.Short);
        builder.Property(g => g.LegalBasis).HasMaxLength(GuideLimits.Long);
        builder.Property(g => g.ImplementingBody).HasMaxLength(GuideLimits.Short);
        builder.Property(g => g.AcceptanceConditions).HasMaxLength(GuideLimits.Long);
        builder.Property(g => g.Fees).HasMaxLength(GuideLimits.Medium);
        builder.Property(g => g.FeeBasis).HasMaxLength(GuideLimits.Medium);
        builder.Property(g => g.Location).HasMaxLength(GuideLimits.Short);
        builder.Property(g => g.ConsultPhone).HasMaxLength(GuideLimits.Phone);
        builder.Property(g => g.SupervisePhone).HasMaxLength(GuideLimits.Phone);
        builder.Property(g => g.SpecialNotes).HasMaxLength(GuideLimits.Long);
        builder.OwnsMany(g => g.Questions, q => q.ToJson());
        builder.HasMany(g => g.Materials).WithOne().HasForeignKey(m => m.ServiceItemId);
    }
}

internal sealed class ServiceMaterialConfiguration : IEntityTypeConfiguration<ServiceMaterial>
{
    public void Configure(EntityTypeBuilder<ServiceMaterial> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(GuideLimits.Short);
        builder.Property(m => m.Issuer).HasMaxLength(GuideLimits.Short);
        builder.Property(m => m.Notes).HasMaxLength(GuideLimits.Medium);
    }
}

public static class GuideLimits
{
    public const int Phone = 30;
    public const int Short = 100;
    public const int Medium = 500;
    public const int Long = 2000;
    public const int MaxSteps = 30;
    public const int MaxQuestions = 30;
    public const int MaxMaterials = 50;
    public const int MaxCopies = 20;
    public const int MaxDays = 250;
}
