using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Per hall, item and business day numbers: A001, A002… never given twice in a day.</summary>
public static class TicketNumbers
{
    public static string Format(string prefix, int sequence) => $"{prefix}{sequence:000}";

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers inside the caller's write transaction and
    /// returns the first. The increment is a single statement, so concurrent nodes on PostgreSQL queue
    /// on the row lock instead of reading the same value.
    /// </summary>
    public static async Task<int> AllocateAsync(
        HallDbContext db, Guid hallId, Guid serviceItemId, DateOnly day, int count, CancellationToken ct)
    {
        // One upsert with RETURNING (SQLite ≥ 3.35 and PostgreSQL both take it): the first number of
        // the day creates the row, every later one increments it under the row lock.
        var last = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "TicketNumberSequences" ("HallId", "ServiceItemId", "BusinessDay", "LastSequence")
            VALUES ({hallId}, {serviceItemId}, {day}, {count})
            ON CONFLICT ("HallId", "ServiceItemId", "BusinessDay")
            DO UPDATE SET "LastSequence" = "TicketNumberSequences"."LastSequence" + {count}
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(ct);
        return last.Single() - count + 1;
    }
}
