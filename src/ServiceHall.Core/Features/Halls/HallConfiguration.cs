using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Halls;

internal sealed class HallConfiguration : IEntityTypeConfiguration<Hall>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions ModuleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Configure(EntityTypeBuilder<Hall> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.Property(h => h.NameEn).HasMaxLength(Admin.SetEnglishNames.NameMaxLength);
        builder.Property(h => h.NoticeLineEn).HasMaxLength(Admin.SetEnglishNames.NoticeLineMaxLength);
        // Halls from before kinds were government centres, naming the citizen 群众.
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16)
            .HasDefaultValue(HallKind.Government).ValueGeneratedNever();
        builder.Property(h => h.CitizenWord).HasMaxLength(Hall.CitizenWordMaxLength)
            .HasDefaultValue(Hall.DefaultCitizenWord).ValueGeneratedNever();
        builder.Property(h => h.CitizenWordEn).HasMaxLength(Hall.CitizenWordEnMaxLength)
            .HasDefaultValue(Hall.DefaultCitizenWordEn).ValueGeneratedNever();
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.Property(h => h.TimeZoneId).HasMaxLength(64);
        builder.Property(h => h.NoticeLine).HasMaxLength(200);
        // Seven rows at most, always read with the hall: one JSON column on both providers, no join.
        builder.Property(h => h.WeekdayHours).HasMaxLength(1000)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<WeekdayHours>>(v, Json) ?? new List<WeekdayHours>(),
                new ValueComparer<List<WeekdayHours>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, w) => HashCode.Combine(h, w.GetHashCode())),
                    v => v.ToList()))
            .HasDefaultValue(new List<WeekdayHours>()).ValueGeneratedNever();
        // Halls from before modules use every module; a module added later is on until the hall switches it off.
        builder.Property(h => h.ModulesOff).HasMaxLength(200)
            .HasConversion(
                v => JsonSerializer.Serialize(v, ModuleJson),
                v => JsonSerializer.Deserialize<List<HallModule>>(v, ModuleJson) ?? new List<HallModule>(),
                new ValueComparer<List<HallModule>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m)),
                    v => v.ToList()))
            .HasDefaultValue(new List<HallModule>()).ValueGeneratedNever();
        builder.Property(h => h.IssueDuringLunch).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(h => h.DayEndGraceMinutes).HasDefaultValue(60).ValueGeneratedNever();
        builder.HasMany(h => h.Departments).WithOne().HasForeignKey(d => d.HallId);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(Admin.SetEnglishNames.NameMaxLength);
        // Rows from before the column existed are active; EF still always writes the value it has.
        builder.Property(d => d.IsActive).HasDefaultValue(true).ValueGeneratedNever();
    }
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.NameEn).HasMaxLength(Admin.SetEnglishNames.NameMaxLength);
        builder.Property(i => i.Prefix).HasMaxLength(3);
        // Items from before announcement templates are called as they were: 请A001号到3号窗口办理.
        builder.Property(i => i.AnnouncementZh).HasMaxLength(CallAnnouncement.MaxLength)
            .HasDefaultValue(CallAnnouncement.DefaultZh).ValueGeneratedNever();
        builder.Property(i => i.AnnouncementEn).HasMaxLength(CallAnnouncement.MaxLength)
            .HasDefaultValue(CallAnnouncement.DefaultEn).ValueGeneratedNever();
        builder.HasIndex(i => new { i.HallId, i.Prefix }).IsUnique();
        builder.HasOne<Hall>().WithMany().HasForeignKey(i => i.HallId);
        builder.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceItem>().WithMany().HasForeignKey(i => i.NextStepItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
