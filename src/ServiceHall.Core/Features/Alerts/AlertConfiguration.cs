using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasIndex(a => new { a.HallId, a.ClearedAt });
        // The alert history reads a hall's alerts by the time they were raised.
        builder.HasIndex(a => new { a.HallId, a.RaisedAt });
        // One open alert per condition: raised once, even if two scans race.
        builder.Property(a => a.ConditionKey).HasMaxLength(64);
        builder.HasIndex(a => new { a.HallId, a.ConditionKey })
            .IsUnique().HasFilter("\"ClearedAt\" IS NULL").HasDatabaseName("IX_Alerts_OpenPerCondition");
    }
}
