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
        builder.HasIndex(r => new { r.HallId, r.ReadAt });
        builder.HasIndex(r => r.Sequence).IsUnique();
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
    }
}

internal sealed class PersonalDataReadChainHeadConfiguration : IEntityTypeConfiguration<PersonalDataReadChainHead>
{
    public void Configure(EntityTypeBuilder<PersonalDataReadChainHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.HasData(new PersonalDataReadChainHead
        {
            Id = PersonalDataReadChainHead.SingletonId, Sequence = 0, Hash = PersonalDataReadChain.Genesis,
        });
    }
}
