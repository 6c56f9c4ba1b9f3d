using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Tallies;

/// <summary>
/// One decided business day's tickets of one counter, staff member and service item, summed once (ADR-026): what the
/// ledger, the standards, and the past figures read from tickets, so that a month is a few thousand rows, not its
/// 130,000 tickets. The fields are those of <see cref="TicketTally"/>; the counter and staff member are the ticket's
/// as the ledger counts it (<see cref="DayTallySql"/>).
/// </summary>
public class DayTally
{
    public long Id { get; set; }
    public Guid HallId { get; set; }
    public DateOnly Day { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? UserId { get; set; }
    public Guid ServiceItemId { get; set; }
    public int Issued { get; set; }
    public int Served { get; set; }
    public int NoShows { get; set; }
    public int EndedNoShow { get; set; }
    public int TransfersOut { get; set; }
    public int TransfersIn { get; set; }
    public int Expired { get; set; }
    public int ExpiredUncalled { get; set; }
    public int Waiting { get; set; }
    public int Waits { get; set; }
    public double WaitSum { get; set; }
    public double? WaitMax { get; set; }
    public int WaitsInTime { get; set; }
    public string? LongestWaitNumber { get; set; }
    public int Services { get; set; }
    public double ServiceSum { get; set; }
    public double? ServiceMax { get; set; }
    public int CallsOutOfOrder { get; set; }

    public static DayTally Of(Guid hallId, TicketTally t) => new()
    {
        HallId = hallId, Day = t.Day, CounterId = t.CounterId, UserId = t.UserId, ServiceItemId = t.ServiceItemId,
        Issued = (int)t.Issued, Served = (int)t.Served, NoShows = (int)t.NoShows, EndedNoShow = (int)t.EndedNoShow,
        TransfersOut = (int)t.TransfersOut, TransfersIn = (int)t.TransfersIn, Expired = (int)t.Expired, ExpiredUncalled = (int)t.ExpiredUncalled,
        Waiting = (int)t.Waiting, Waits = (int)t.Waits, WaitSum = t.WaitSum ?? 0, WaitMax = t.WaitMax, WaitsInTime = (int)t.WaitsInTime,
        LongestWaitNumber = t.LongestWaitNumber, Services = (int)t.Services, ServiceSum = t.ServiceSum ?? 0, ServiceMax = t.ServiceMax,
        CallsOutOfOrder = (int)t.CallsOutOfOrder,
    };

    public TicketTally ToTally() => new()
    {
        Day = Day, CounterId = CounterId, UserId = UserId, ServiceItemId = ServiceItemId, Issued = Issued, Served = Served, NoShows = NoShows,
        EndedNoShow = EndedNoShow, TransfersOut = TransfersOut, TransfersIn = TransfersIn, Expired = Expired, ExpiredUncalled = ExpiredUncalled,
        Waiting = Waiting, Waits = Waits, WaitSum = WaitSum, WaitMax = WaitMax, WaitsInTime = WaitsInTime, LongestWaitNumber = LongestWaitNumber,
        Services = Services, ServiceSum = ServiceSum, ServiceMax = ServiceMax, CallsOutOfOrder = CallsOutOfOrder,
    };
}

/// <summary>A decided day's tickets issued and served in one UTC hour (the past figures' chart), summed once.</summary>
public class HourTally
{
    public long Id { get; set; }
    public Guid HallId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>The UTC hour as <c>2026-11-23 02</c>, as both providers write it.</summary>
    public required string UtcHour { get; set; }
    public int Issued { get; set; }
    public int Served { get; set; }
}

/// <summary>
/// The mark that a hall's day is tallied, written in the same transaction as its rows: its key lets only one of two
/// nodes that tally the same day at once write it.
/// </summary>
public class TalliedDay
{
    public Guid HallId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime TalliedAt { get; set; }
}

internal sealed class DayTallyConfiguration : IEntityTypeConfiguration<DayTally>
{
    public void Configure(EntityTypeBuilder<DayTally> builder)
    {
        builder.Property(t => t.LongestWaitNumber).HasMaxLength(12);
        builder.HasIndex(t => new { t.HallId, t.Day });
        builder.HasOne<Hall>().WithMany().HasForeignKey(t => t.HallId);
    }
}

internal sealed class HourTallyConfiguration : IEntityTypeConfiguration<HourTally>
{
    public void Configure(EntityTypeBuilder<HourTally> builder)
    {
        builder.Property(t => t.UtcHour).HasMaxLength(13);
        builder.HasIndex(t => new { t.HallId, t.Day });
        builder.HasOne<Hall>().WithMany().HasForeignKey(t => t.HallId);
    }
}

internal sealed class TalliedDayConfiguration : IEntityTypeConfiguration<TalliedDay>
{
    public void Configure(EntityTypeBuilder<TalliedDay> builder)
    {
        builder.HasKey(d => new { d.HallId, d.Day });
        builder.HasOne<Hall>().WithMany().HasForeignKey(d => d.HallId);
    }
}
