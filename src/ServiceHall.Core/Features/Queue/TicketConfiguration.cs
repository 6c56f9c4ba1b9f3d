using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(12);
        builder.Property(t => t.RatingKey).HasMaxLength(Ratings.RatingKeys.Length);
        // Every state change is conditional on the state it was read in: two counters can never
        // both take a ticket (UPDATE … WHERE "Status" = @original).
        builder.Property(t => t.Status).IsConcurrencyToken();
        builder.Property(t => t.CallReason).HasMaxLength(200);
        builder.Property(t => t.TransferReason).HasMaxLength(200);
        // A number is never given twice in a day, whatever the application does. A transferred ticket
        // keeps the number on the citizen's paper (A001 waits in item C as A001), so it is not a new number;
        // nor is the next step of a visit (A001 waits at 缴费 as A001).
        builder.HasIndex(t => new { t.HallId, t.ServiceItemId, t.BusinessDay, t.Sequence }).IsUnique()
            .HasFilter("\"Channel\" NOT IN ('Transfer', 'NextStep')");
        // The queue itself: only waiting tickets, per item in lane and line order, so that a counter
        // seeks the head of each of its items' lanes instead of walking past other items' tickets, and
        // a ticket's position counts only the lanes before it. Every index here is written by each
        // issue and each call, so there is no second one per priority (the counts come from WaitingCount).
        builder.HasIndex(t => new { t.HallId, t.ServiceItemId, t.Lane, t.QueuedAt, t.Sequence })
            .HasFilter("\"Status\" = 'Waiting'")
            .HasDatabaseName("IX_Tickets_Waiting");
        builder.HasIndex(t => t.TargetCounterId)
            .HasFilter("\"Status\" = 'Waiting' AND \"TargetCounterId\" IS NOT NULL")
            .HasDatabaseName("IX_Tickets_WaitingAtCounter");
        builder.HasIndex(t => new { t.HallId, t.AppointmentStart })
            .HasFilter("\"Status\" = 'Waiting' AND \"AppointmentStart\" IS NOT NULL")
            .HasDatabaseName("IX_Tickets_WaitingAppointments");
        builder.HasIndex(t => new { t.CounterId, t.Status });
        builder.HasIndex(t => new { t.HallId, t.BusinessDay, t.Status });
        builder.HasOne<Hall>().WithMany().HasForeignKey(t => t.HallId);
        builder.HasOne<ServiceItem>().WithMany().HasForeignKey(t => t.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(200);
        builder.HasIndex(e => new { e.TicketId, e.At });
        builder.HasIndex(e => new { e.HallId, e.At });
    }
}

internal sealed class TicketNumberSequenceConfiguration : IEntityTypeConfiguration<TicketNumberSequence>
{
    public void Configure(EntityTypeBuilder<TicketNumberSequence> builder)
    {
        builder.HasKey(s => new { s.HallId, s.ServiceItemId, s.BusinessDay });
    }
}

internal sealed class BusinessDayConfiguration : IEntityTypeConfiguration<BusinessDay>
{
    public void Configure(EntityTypeBuilder<BusinessDay> builder)
    {
        builder.HasKey(d => new { d.HallId, d.Date });
    }
}
