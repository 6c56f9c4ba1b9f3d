using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Counters;

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(Admin.SetEnglishNames.NameMaxLength);
        builder.HasIndex(c => new { c.HallId, c.Number }).IsUnique();
        // Rows from before the column existed are active; EF still always writes the value it has.
        builder.Property(c => c.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasOne<Hall>().WithMany().HasForeignKey(c => c.HallId);
    }
}

internal sealed class CounterServiceItemConfiguration : IEntityTypeConfiguration<CounterServiceItem>
{
    public void Configure(EntityTypeBuilder<CounterServiceItem> builder)
    {
        builder.HasKey(x => new { x.CounterId, x.ServiceItemId });
        builder.HasOne(x => x.Counter).WithMany(c => c.ServiceItems).HasForeignKey(x => x.CounterId);
        builder.HasOne(x => x.ServiceItem).WithMany(i => i.Counters).HasForeignKey(x => x.ServiceItemId);
    }
}

internal sealed class CounterSessionConfiguration : IEntityTypeConfiguration<CounterSession>
{
    public void Configure(EntityTypeBuilder<CounterSession> builder)
    {
        builder.Property(s => s.PauseReason).HasMaxLength(200);
        builder.Property(s => s.PauseCategory).HasConversion<string>().HasMaxLength(16);
        // At most one open session per counter and per person: the database refuses a second one
        // even when two requests race.
        builder.HasIndex(s => s.CounterId).IsUnique().HasFilter("\"ClosedAt\" IS NULL")
            .HasDatabaseName("IX_CounterSessions_OpenPerCounter");
        builder.HasIndex(s => s.UserId).IsUnique().HasFilter("\"ClosedAt\" IS NULL")
            .HasDatabaseName("IX_CounterSessions_OpenPerUser");
        builder.HasIndex(s => new { s.HallId, s.ClosedAt });
        builder.HasOne<Counter>().WithMany().HasForeignKey(s => s.CounterId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.IsOpen);
        builder.Ignore(s => s.IsPaused);
    }
}

internal sealed class CounterPauseConfiguration : IEntityTypeConfiguration<CounterPause>
{
    public void Configure(EntityTypeBuilder<CounterPause> builder)
    {
        builder.Property(p => p.Reason).HasMaxLength(200);
        // Pauses recorded before categories existed count as 其他.
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(16)
            .HasDefaultValue(PauseCategory.Other).ValueGeneratedNever();
        builder.HasOne<CounterSession>().WithMany().HasForeignKey(p => p.SessionId);
    }
}
