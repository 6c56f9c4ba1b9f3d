using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Tallies;

/// <summary>One day's tickets of one counter, staff member and item, summed by the database (a stored or a live tally).</summary>
public sealed class TicketTally
{
    public DateOnly Day { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? UserId { get; set; }
    public Guid ServiceItemId { get; set; }
    /// <summary>Tickets taken by citizens: a transfer's new ticket is not issued again.</summary>
    public long Issued { get; set; }
    public long Served { get; set; }
    /// <summary>Tickets that missed their call at least once (the ledger's 过号), whatever came after.</summary>
    public long NoShows { get; set; }
    /// <summary>Tickets that ended as no-shows (the dashboard's figure).</summary>
    public long EndedNoShow { get; set; }
    public long TransfersOut { get; set; }
    public long TransfersIn { get; set; }
    public long Expired { get; set; }
    /// <summary>Expired without ever being called (Q7's 未办理 the standards count).</summary>
    public long ExpiredUncalled { get; set; }
    public long Waiting { get; set; }
    /// <summary>Calls of walk-ins with their wait (a transfer keeps the visit's wait and is not waited twice).</summary>
    public long Waits { get; set; }
    public double? WaitSum { get; set; }
    public double? WaitMax { get; set; }
    /// <summary>Of <see cref="Waits"/>, those called within the item's wait limit.</summary>
    public long WaitsInTime { get; set; }
    public string? LongestWaitNumber { get; set; }
    public long Services { get; set; }
    public double? ServiceSum { get; set; }
    public double? ServiceMax { get; set; }
    /// <summary>Calls made out of order, with a reason (Q2).</summary>
    public long CallsOutOfOrder { get; set; }
}

/// <summary>Tickets issued and served in one UTC hour of a business day.</summary>
public sealed class HourTallyRow
{
    public DateOnly Day { get; set; }
    public string UtcHour { get; set; } = "";
    public long Issued { get; set; }
    public long Served { get; set; }
}

/// <summary>
/// The tally's one definition: a grouped statement per provider (the only differences: minutes between two instants and
/// the UTC hour's text), read through the (HallId, BusinessDay, Status) index, for a stored day and a live one alike. A
/// ticket belongs to the counter that called it — or, never called, to the counter it was transferred to; one
/// transferred while still waiting belongs to the counter and person that transferred it (its TransferredOut event,
/// read only for those). Minutes are from whole milliseconds, so that a wait of exactly the limit is within it on SQLite too.
/// </summary>
internal static class DayTallySql
{
    private const string Template = """
        SELECT y."Day", y."CounterId", y."UserId", y."ServiceItemId",
               SUM(CASE WHEN y."Channel" <> 'Transfer' THEN 1 ELSE 0 END) AS "Issued",
               SUM(CASE WHEN y."Status" = 'Done' THEN 1 ELSE 0 END) AS "Served",
               SUM(CASE WHEN y."NoShowAt" IS NOT NULL THEN 1 ELSE 0 END) AS "NoShows",
               SUM(CASE WHEN y."Status" = 'NoShow' THEN 1 ELSE 0 END) AS "EndedNoShow",
               SUM(CASE WHEN y."Status" = 'Transferred' THEN 1 ELSE 0 END) AS "TransfersOut",
               SUM(CASE WHEN y."Channel" = 'Transfer' AND y."Called" = 1 THEN 1 ELSE 0 END) AS "TransfersIn",
               SUM(CASE WHEN y."Status" = 'Expired' THEN 1 ELSE 0 END) AS "Expired",
               SUM(CASE WHEN y."Status" = 'Expired' AND y."Called" = 0 THEN 1 ELSE 0 END) AS "ExpiredUncalled",
               SUM(CASE WHEN y."Status" = 'Waiting' THEN 1 ELSE 0 END) AS "Waiting",
               COUNT(y."Wait") AS "Waits", COALESCE(SUM(y."Wait"), 0) AS "WaitSum", MAX(y."Wait") AS "WaitMax",
               SUM(CASE WHEN y."Wait" <= y."WaitLimit" THEN 1 ELSE 0 END) AS "WaitsInTime",
               MAX(y."LongestWaitNumber") AS "LongestWaitNumber",
               COUNT(y."Service") AS "Services", COALESCE(SUM(y."Service"), 0) AS "ServiceSum", MAX(y."Service") AS "ServiceMax",
               SUM(CASE WHEN y."Called" = 1 AND y."CallReason" IS NOT NULL THEN 1 ELSE 0 END) AS "CallsOutOfOrder"
        FROM (
            SELECT x.*,
                   CASE WHEN x."Wait" IS NOT NULL THEN FIRST_VALUE(x."Number") OVER (
                       PARTITION BY x."Day", x."CounterId", x."UserId", x."ServiceItemId"
                       ORDER BY CASE WHEN x."Wait" IS NULL THEN 1 ELSE 0 END, x."Wait" DESC, x."Number") END AS "LongestWaitNumber"
            FROM (
                SELECT t."BusinessDay" AS "Day", t."ServiceItemId", t."Status", t."Channel", t."NoShowAt", t."Number", t."CallReason",
                       COALESCE(i."MaxWaitMinutes", 10) AS "WaitLimit",
                       CASE WHEN t."CalledAt" IS NOT NULL THEN 1 ELSE 0 END AS "Called",
                       CASE WHEN t."Status" = 'Transferred' AND t."CounterId" IS NULL
                            THEN (SELECT o."CounterId" FROM "TicketEvents" o WHERE o."TicketId" = t."Id" AND o."Kind" = 'TransferredOut' LIMIT 1)
                            ELSE COALESCE(t."CounterId", t."TargetCounterId") END AS "CounterId",
                       CASE WHEN t."Status" = 'Transferred' AND t."CalledByUserId" IS NULL
                            THEN (SELECT o."UserId" FROM "TicketEvents" o WHERE o."TicketId" = t."Id" AND o."Kind" = 'TransferredOut' LIMIT 1)
                            ELSE t."CalledByUserId" END AS "UserId",
                       CASE WHEN t."CalledAt" IS NOT NULL AND t."Channel" <> 'Transfer' THEN @WAIT END AS "Wait",
                       CASE WHEN t."Status" = 'Done' AND t."StartedAt" IS NOT NULL AND t."FinishedAt" IS NOT NULL THEN @SERVICE END AS "Service"
                FROM "Tickets" t
                LEFT JOIN "ServiceItems" i ON i."Id" = t."ServiceItemId"
                WHERE t."HallId" = {0} AND t."BusinessDay" >= {1} AND t."BusinessDay" <= {2}
            ) x
        ) y
        GROUP BY y."Day", y."CounterId", y."UserId", y."ServiceItemId"
        """;

    private const string HoursTemplate = """
        SELECT h."Day", h."UtcHour", SUM(h."Issued") AS "Issued", SUM(h."Served") AS "Served"
        FROM (
            SELECT "BusinessDay" AS "Day", @ISSUED AS "UtcHour", 1 AS "Issued", 0 AS "Served" FROM "Tickets"
            WHERE "HallId" = {0} AND "BusinessDay" >= {1} AND "BusinessDay" <= {2} AND "Channel" NOT IN ('Transfer', 'NextStep')
            UNION ALL
            SELECT "BusinessDay", @FINISHED, 0, 1 FROM "Tickets"
            WHERE "HallId" = {0} AND "BusinessDay" >= {1} AND "BusinessDay" <= {2} AND "Status" = 'Done' AND "FinishedAt" IS NOT NULL
        ) h
        GROUP BY h."Day", h."UtcHour"
        """;

    private static readonly string Sqlite = Build(true);
    private static readonly string Postgres = Build(false);
    private static readonly string SqliteHours = HoursTemplate.Replace("@ISSUED", "substr(\"IssuedAt\", 1, 13)").Replace("@FINISHED", "substr(\"FinishedAt\", 1, 13)");
    private static readonly string PostgresHours = HoursTemplate
        .Replace("@ISSUED", "to_char(\"IssuedAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')")
        .Replace("@FINISHED", "to_char(\"FinishedAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')");

    private static string Build(bool sqlite) => Template
        // A visit's next step waits from when it joined the step's line, not from its place (the visit's issue, ADR-029).
        .Replace("@WAIT", Minutes(sqlite, "t.\"CalledAt\"", "COALESCE(t.\"ArrivedAt\", t.\"QueuedAt\")"))
        .Replace("@SERVICE", Minutes(sqlite, "t.\"FinishedAt\"", "t.\"StartedAt\""));

    /// <summary>Minutes from <paramref name="from"/> to <paramref name="to"/>: SQLite keeps instants as text, PostgreSQL as timestamps.</summary>
    private static string Minutes(bool sqlite, string to, string from) => sqlite
        ? $"(ROUND((julianday({to}) - julianday({from})) * 86400000.0) / 60000.0)"
        : $"(CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS double precision) / 60.0)";

    /// <param name="to">The last day, inclusive.</param>
    public static Task<List<TicketTally>> TicketsAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Database.SqlQueryRaw<TicketTally>(db.Database.IsSqlite() ? Sqlite : Postgres, hallId, from, to).ToListAsync(ct);

    /// <param name="to">The last day, inclusive.</param>
    public static Task<List<HourTallyRow>> HoursAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Database.SqlQueryRaw<HourTallyRow>(db.Database.IsSqlite() ? SqliteHours : PostgresHours, hallId, from, to).ToListAsync(ct);
}
