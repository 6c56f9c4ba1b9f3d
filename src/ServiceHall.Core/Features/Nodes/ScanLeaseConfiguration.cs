using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Nodes;

internal sealed class ScanLeaseConfiguration : IEntityTypeConfiguration<ScanLease>
{
    public void Configure(EntityTypeBuilder<ScanLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
