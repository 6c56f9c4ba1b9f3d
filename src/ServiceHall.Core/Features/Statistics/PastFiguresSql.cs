namespace ServiceHall.Core.Features.Statistics;

/// <summary>
/// The sums behind <see cref="GetPastFigures"/>, per provider: minutes between two instants are <c>julianday</c> differences on
/// SQLite (where EF Core stores instants as text and translates no TimeSpan) and <c>EXTRACT(EPOCH …)</c> on PostgreSQL.
/// Both read the hall's tickets of the days through the index on (HallId, BusinessDay, Status).
/// </summary>
internal sealed record PastFiguresSql(string Days, string Hours)
{
    public static readonly PastFiguresSql Sqlite = Build(
        (later, earlier) => $"((julianday({later}) - julianday({earlier})) * 1440.0)",
        column => $"substr({column}, 1, 13)");

    public static readonly PastFiguresSql Postgres = Build(
        (later, earlier) => $"CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0 AS double precision)",
        column => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')");

    private static PastFiguresSql Build(Func<string, string, string> minutes, Func<string, string> utcHour)
    {
        // As TodayFiguresRule: the wait is the walk-in's (a transfer's ticket keeps the visit's wait), the service a finished one's.
        const string waited = "\"Channel\" <> 'Transfer' AND \"CalledAt\" IS NOT NULL";
        const string served = "\"Status\" = 'Done' AND \"StartedAt\" IS NOT NULL AND \"FinishedAt\" IS NOT NULL";
        var wait = minutes("\"CalledAt\"", "\"QueuedAt\"");
        var service = minutes("\"FinishedAt\"", "\"StartedAt\"");
        const string where = "\"HallId\" = @hall AND \"BusinessDay\" >= @from AND \"BusinessDay\" <= @to";
        var days = $"""
            SELECT "BusinessDay",
              SUM(CASE WHEN "Channel" <> 'Transfer' THEN 1 ELSE 0 END),
              SUM(CASE WHEN "Status" = 'Done' THEN 1 ELSE 0 END),
              SUM(CASE WHEN "Status" = 'Waiting' THEN 1 ELSE 0 END),
              SUM(CASE WHEN "Status" = 'NoShow' THEN 1 ELSE 0 END),
              SUM(CASE WHEN "Status" = 'Expired' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {waited} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {waited} THEN {wait} ELSE 0 END),
              MAX(CASE WHEN {waited} THEN {wait} END),
              SUM(CASE WHEN {served} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {served} THEN {service} ELSE 0 END)
            FROM "Tickets"
            WHERE {where}
            GROUP BY "BusinessDay"
            ORDER BY "BusinessDay"
            """;
        var hours = $"""
            SELECT 'i', {utcHour("\"IssuedAt\"")}, COUNT(*) FROM "Tickets"
            WHERE {where} AND "Channel" <> 'Transfer'
            GROUP BY {utcHour("\"IssuedAt\"")}
            UNION ALL
            SELECT 's', {utcHour("\"FinishedAt\"")}, COUNT(*) FROM "Tickets"
            WHERE {where} AND "Status" = 'Done' AND "FinishedAt" IS NOT NULL
            GROUP BY {utcHour("\"FinishedAt\"")}
            """;
        return new PastFiguresSql(days, hours);
    }
}
