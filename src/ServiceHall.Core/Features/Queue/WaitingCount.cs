using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// How many tickets wait in the general queue of an item, per priority (waiting, not sent to one
/// counter). Kept by database triggers on <c>Tickets</c> (migration <c>WaitingCounts</c>), so every
/// write that moves a ticket in or out of the queue keeps it exact in its own transaction, on every
/// node; the application only reads it. A new ticket's position comes from here instead of counting
/// the whole queue on every issue.
/// </summary>
public class WaitingCount
{
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    public TicketPriority Priority { get; set; }
    public int Waiting { get; set; }

    /// <summary>The lane of the item these tickets wait in (<see cref="QueueLanes"/>); not stored.</summary>
    public (Guid ServiceItemId, int Lane) ItemLane => (ServiceItemId, QueueLanes.Rank(Priority));
}

internal sealed class WaitingCountConfiguration : IEntityTypeConfiguration<WaitingCount>
{
    public void Configure(EntityTypeBuilder<WaitingCount> builder)
    {
        builder.HasKey(c => new { c.HallId, c.ServiceItemId, c.Priority });
    }
}

internal static class WaitingCounts
{
    /// <summary>The non-empty waiting counts of a hall: a few rows per item, however long the queue.</summary>
    public static async Task<List<WaitingCount>> OfHallAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var counts = new List<WaitingCount>();
        await foreach (var count in OfHall.For(db)(db, hallId).WithCancellation(ct))
            counts.Add(count);
        return counts;
    }

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, IAsyncEnumerable<WaitingCount>>> OfHall = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid hallId) =>
            db.WaitingCounts.AsNoTracking().Where(c => c.HallId == hallId && c.Waiting > 0)));
}
