using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Identity;

internal sealed class HallMembershipConfiguration : IEntityTypeConfiguration<HallMembership>
{
    public void Configure(EntityTypeBuilder<HallMembership> builder)
    {
        builder.HasKey(m => new { m.UserId, m.HallId });
        builder.Property(m => m.Role).HasMaxLength(20);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Hall>().WithMany().HasForeignKey(m => m.HallId).OnDelete(DeleteBehavior.Restrict);
        // The hall's people are read by hall (attendance, assessment, the admin's list).
        builder.HasIndex(m => new { m.HallId, m.Role });
    }
}

internal sealed class HallMembershipChangeConfiguration : IEntityTypeConfiguration<HallMembershipChange>
{
    public void Configure(EntityTypeBuilder<HallMembershipChange> builder)
    {
        builder.Property(c => c.OldRole).HasMaxLength(20);
        builder.Property(c => c.NewRole).HasMaxLength(20);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.UserId, c.At });
    }
}
