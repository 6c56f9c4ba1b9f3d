using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>
/// The history weeks' tickets counted per item and quarter-hour (UTC) of arrival where they are, through the
/// (HallId, BusinessDay, Status) index: 8 weeks of a large hall are ~185,000 tickets but only a few thousand buckets.
/// One statement per provider; they differ only in how an instant becomes seconds and in SQLite's co-routine hint. The counts are those of
/// <see cref="StaffingHistory.Buckets"/>, which the tests hold them to.
/// </summary>
public static class StaffingHistorySql
{
    // The inner select works out each ticket's figures once and hands the grouping only numbers; SQLite is kept from
    // merging it into the outer one (@INNER_AS_IS), which would work out Service and Hold again for each aggregate
    // and sort the tickets' text columns. Same counts and sums, in the same order, in about two thirds of the time (with unixepoch).
    private const string Template = """
        SELECT x."ServiceItemId", x."Bucket",
               COUNT(*) AS "Arrivals",
               SUM(x."Called") AS "Called",
               SUM(x."NoShow") AS "NoShows",
               SUM(x."Priority") AS "Priority",
               SUM(x."Emergency") AS "Emergency",
               COUNT(CASE WHEN x."Service" >= 0 THEN 1 END) AS "Services",
               COALESCE(SUM(CASE WHEN x."Service" >= 0 THEN x."Service" END), 0.0) AS "ServiceMinutes",
               COUNT(CASE WHEN x."Hold" >= 0 THEN 1 END) AS "NoShowHolds",
               COALESCE(SUM(CASE WHEN x."Hold" >= 0 THEN x."Hold" END), 0.0) AS "NoShowHoldMinutes"
        FROM (
            SELECT t."ServiceItemId",
                   CASE WHEN t."CalledAt" IS NOT NULL THEN 1 ELSE 0 END AS "Called",
                   CASE WHEN t."Status" = '@NOSHOW' THEN 1 ELSE 0 END AS "NoShow",
                   CASE WHEN t."Priority" IN (@PRIORITY) THEN 1 ELSE 0 END AS "Priority",
                   CASE WHEN t."Priority" = '@EMERGENCY' THEN 1 ELSE 0 END AS "Emergency",
                   @BUCKET AS "Bucket",
                   CASE WHEN t."Status" = '@DONE' AND t."StartedAt" IS NOT NULL AND t."FinishedAt" IS NOT NULL THEN @SERVICE END AS "Service",
                   CASE WHEN t."Status" = '@NOSHOW' AND t."CalledAt" IS NOT NULL AND t."NoShowAt" IS NOT NULL THEN @HOLD END AS "Hold"
            FROM "Tickets" t
            WHERE t."HallId" = {0} AND t."BusinessDay" >= {1} AND t."BusinessDay" < {2}
            @INNER_AS_IS
        ) x
        GROUP BY x."ServiceItemId", x."Bucket"
        """;

    // A transfer keeps the citizen's issue time; it joined this item's queue when it was transferred.
    // A visit's next step arrives when the previous step finished (ArrivedAt, ADR-029).
    private const string Arrival = $"""COALESCE(t."ArrivedAt", CASE WHEN t."Channel" = '{nameof(TicketChannel.Transfer)}' THEN t."QueuedAt" ELSE t."IssuedAt" END)""";

    private static readonly string Sqlite = Fill(
        // Whole seconds, then whole quarter-hours: integers, so an arrival at 10:00:00 is never put in 9:45.
        $"(unixepoch({Arrival}) / {StaffingHistory.BucketSeconds})",
        to => from => $"((julianday({to}) - julianday({from})) * 1440.0)",
        // A subquery with a LIMIT is not flattened into an aggregate: it runs once per ticket as a co-routine.
        "LIMIT -1");

    private static readonly string Postgres = Fill(
        $"CAST(FLOOR(EXTRACT(EPOCH FROM {Arrival}) / {StaffingHistory.BucketSeconds}) AS bigint)",
        to => from => $"(CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS double precision) / 60.0)",
        "");

    private static string Fill(string bucket, Func<string, Func<string, string>> minutes, string innerAsIs) => Template
        .Replace("@INNER_AS_IS", innerAsIs)
        .Replace("@BUCKET", bucket)
        .Replace("@SERVICE", minutes("t.\"FinishedAt\"")("t.\"StartedAt\""))
        .Replace("@HOLD", minutes("t.\"NoShowAt\"")("t.\"CalledAt\""))
        .Replace("@PRIORITY", string.Join(", ", Enum.GetValues<TicketPriority>().Where(p => QueueLanes.Rank(p) == 1).Select(p => $"'{p}'")))
        .Replace("@EMERGENCY", nameof(TicketPriority.Emergency))
        .Replace("@NOSHOW", nameof(TicketStatus.NoShow))
        .Replace("@DONE", nameof(TicketStatus.Done));

    /// <summary>The hall's tickets of the business days from <paramref name="from"/> up to, not including, <paramref name="until"/>.</summary>
    public static Task<List<HistoryBucket>> BucketsAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly until, CancellationToken ct) =>
        db.Database.SqlQueryRaw<HistoryBucket>(db.Database.IsSqlite() ? Sqlite : Postgres, hallId, from, until).ToListAsync(ct);
}
