using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(Device.MaxNameLength);
        builder.Property(d => d.ZoneCounters).HasMaxLength(1000);
        builder.Property(d => d.EnrolmentCodeHash).HasMaxLength(64);
        builder.HasOne<Hall>().WithMany().HasForeignKey(d => d.HallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        // The gate looks a device up by its account on every request (behind a short cache).
        builder.HasIndex(d => d.UserId).IsUnique();
        builder.HasIndex(d => d.EnrolmentCodeHash).IsUnique().HasFilter("\"EnrolmentCodeHash\" IS NOT NULL");
        builder.HasIndex(d => d.HallId);
    }
}
