using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Per hall, item and business day numbers: A001, A002… never given twice in a day.</summary>
public static class TicketNumbers
{
    public static string Format(string prefix, int sequence) => $"{prefix}{sequence:000}";

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers inside the caller's write transaction and
    /// returns the first. The increment is a single UPDATE, so concurrent nodes on PostgreSQL queue
    /// on the row lock instead of reading the same value.
    /// </summary>
    public static async Task<int> AllocateAsync(
        HallDbContext db, Guid hallId, Guid serviceItemId, DateOnly day, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "TicketNumberSequences" ("HallId", "ServiceItemId", "BusinessDay", "LastSequence")
            VALUES ({hallId}, {serviceItemId}, {day}, 0) ON CONFLICT DO NOTHING
            """, ct);
        var sequences = db.TicketNumberSequences
            .Where(s => s.HallId == hallId && s.ServiceItemId == serviceItemId && s.BusinessDay == day);
        await sequences.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, x => x.LastSequence + count), ct);
        var last = await sequences.Select(s => s.LastSequence).SingleAsync(ct);
        return last - count + 1;
    }
}
