using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Ledger;

/// <summary>One day's tickets of one counter, staff member and item, summed by the database.</summary>
public sealed class LedgerTicketTotals
{
    public DateOnly Day { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? UserId { get; set; }
    public Guid ServiceItemId { get; set; }
    public long Served { get; set; }
    public long NoShows { get; set; }
    public long TransfersOut { get; set; }
    public long TransfersIn { get; set; }
    public long Expired { get; set; }
    public long Waits { get; set; }
    public double? WaitSum { get; set; }
    public double? WaitMax { get; set; }
    public long Services { get; set; }
    public double? ServiceSum { get; set; }
    public double? ServiceMax { get; set; }
}

/// <summary>
/// The ledger's ticket figures as one grouped statement per provider (the only difference: minutes between two
/// instants), so a month of a large hall is summed where the rows are, through the (HallId, BusinessDay, Status)
/// index, and only its groups travel. A ticket belongs to the counter that called it — or, never called, to the
/// counter it was transferred to; one transferred while still waiting belongs to the counter and person that
/// transferred it (its TransferredOut event, read only for those).
/// </summary>
internal static class LedgerTicketSql
{
    private const string Template = """
        SELECT x."Day", x."CounterId", x."UserId", x."ServiceItemId",
               SUM(CASE WHEN x."Status" = 'Done' THEN 1 ELSE 0 END) AS "Served",
               SUM(CASE WHEN x."NoShowAt" IS NOT NULL THEN 1 ELSE 0 END) AS "NoShows",
               SUM(CASE WHEN x."Status" = 'Transferred' THEN 1 ELSE 0 END) AS "TransfersOut",
               SUM(CASE WHEN x."Channel" = 'Transfer' AND x."Called" = 1 THEN 1 ELSE 0 END) AS "TransfersIn",
               SUM(CASE WHEN x."Status" = 'Expired' THEN 1 ELSE 0 END) AS "Expired",
               COUNT(x."Wait") AS "Waits", SUM(x."Wait") AS "WaitSum", MAX(x."Wait") AS "WaitMax",
               COUNT(x."Service") AS "Services", SUM(x."Service") AS "ServiceSum", MAX(x."Service") AS "ServiceMax"
        FROM (
            SELECT t."BusinessDay" AS "Day", t."ServiceItemId", t."Status", t."Channel", t."NoShowAt",
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
            WHERE t."HallId" = {0} AND t."BusinessDay" >= {1} AND t."BusinessDay" <= {2}
        ) x
        GROUP BY x."Day", x."CounterId", x."UserId", x."ServiceItemId"
        """;

    private static readonly string Sqlite = Template
        .Replace("@WAIT", Minutes("Sqlite", "t.\"CalledAt\"", "t.\"QueuedAt\""))
        .Replace("@SERVICE", Minutes("Sqlite", "t.\"FinishedAt\"", "t.\"StartedAt\""));

    private static readonly string Postgres = Template
        .Replace("@WAIT", Minutes("Postgres", "t.\"CalledAt\"", "t.\"QueuedAt\""))
        .Replace("@SERVICE", Minutes("Postgres", "t.\"FinishedAt\"", "t.\"StartedAt\""));

    /// <summary>Minutes from <paramref name="from"/> to <paramref name="to"/>: SQLite keeps instants as text, PostgreSQL as timestamps.</summary>
    private static string Minutes(string provider, string to, string from) => provider == "Sqlite"
        ? $"((julianday({to}) - julianday({from})) * 1440.0)"
        : $"(CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS double precision) / 60.0)";

    public static Task<List<LedgerTicketTotals>> TotalsAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Database.SqlQueryRaw<LedgerTicketTotals>(db.Database.IsSqlite() ? Sqlite : Postgres, hallId, from, to).ToListAsync(ct);
}
