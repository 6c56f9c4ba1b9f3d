using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Privacy;

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.SubjectType).HasMaxLength(32);
        builder.Property(r => r.Purpose).HasMaxLength(Reasons.MaxLength);
        builder.HasIndex(r => r.ReadAt);
        builder.HasIndex(r => new { r.SubjectType, r.SubjectId });
        builder.HasIndex(r => new { r.ReaderUserId, r.ReadAt });
    }
}
