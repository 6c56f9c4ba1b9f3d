using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.BadgeNumber).HasMaxLength(20);
        // A badge number (工号) names one person in a hall: the database refuses a second even when two admins race.
        builder.HasIndex(u => new { u.HallId, u.BadgeNumber }).IsUnique().HasFilter("\"BadgeNumber\" IS NOT NULL")
            .HasDatabaseName("IX_Users_BadgePerHall");
    }
}
