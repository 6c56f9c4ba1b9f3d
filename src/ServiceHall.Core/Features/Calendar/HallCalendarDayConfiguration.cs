using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Calendar;

internal sealed class HallCalendarDayConfiguration : IEntityTypeConfiguration<HallCalendarDay>
{
    public void Configure(EntityTypeBuilder<HallCalendarDay> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Name).HasMaxLength(CalendarImport.MaxNameLength);
        builder.HasIndex(d => new { d.HallId, d.Date }).IsUnique();
        builder.HasOne<Hall>().WithMany().HasForeignKey(d => d.HallId);
    }
}
