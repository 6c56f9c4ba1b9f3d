using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>One business day's ratings of one group, counted by the database. Levels count only ratings not removed on appeal.</summary>
public sealed class SatisfactionRatingCounts
{
    public DateOnly Day { get; set; }
    public Guid? Key { get; set; }
    /// <summary>Every rating of the group, appealed ones too: a rated service is not unrated.</summary>
    public long Rated { get; set; }
    public long VerySatisfied { get; set; }
    public long Satisfied { get; set; }
    public long BasicallySatisfied { get; set; }
    public long Dissatisfied { get; set; }
    public long VeryDissatisfied { get; set; }
    public long Excluded { get; set; }
}

/// <summary>One business day's follow-ups of the counted bad ratings of one group.</summary>
public sealed class SatisfactionFollowUpCounts
{
    public DateOnly Day { get; set; }
    public Guid? Key { get; set; }
    public long CalledBack { get; set; }
    public long Closed { get; set; }
    public long ReportedSatisfied { get; set; }
}

/// <summary>One business day's finished services of one group; <see cref="Deemed"/> those counted as 基本满意 by the hall's setting.</summary>
public sealed class SatisfactionServiceCounts
{
    public DateOnly Day { get; set; }
    public Guid? Key { get; set; }
    public long Finished { get; set; }
    public long Deemed { get; set; }
}

/// <summary>
/// The 好差评 figures' three counts, grouped per business day and group where the rows are, so that a year of a
/// large hall (~900,000 ratings, 1.5 million tickets) is not read into .NET. Ratings carry their ticket's business day,
/// so none is joined to its ticket. The group's column comes from a fixed list, never from input. The same SQL runs on
/// both providers: it has no date arithmetic.
/// </summary>
internal static class SatisfactionSql
{
    private static readonly string Bad = $"'{nameof(SatisfactionLevel.Dissatisfied)}', '{nameof(SatisfactionLevel.VeryDissatisfied)}'";

    private static string Level(SatisfactionLevel level) =>
        $"SUM(CASE WHEN r.\"Level\" = '{level}' AND r.\"ExcludedAt\" IS NULL THEN 1 ELSE 0 END) AS \"{level}\"";

    /// <summary>The rating's column that groups it: the hall, or the department, counter, staff member or item it was given for.</summary>
    private static string RatingKey(FigureGrouping by) => by switch
    {
        FigureGrouping.Department => "r.\"DepartmentId\"",
        FigureGrouping.Counter => "r.\"CounterId\"",
        FigureGrouping.Staff => "r.\"StaffUserId\"",
        FigureGrouping.Item => "r.\"ServiceItemId\"",
        _ => "r.\"HallId\"",
    };

    /// <summary>
    /// The ticket's: the staff member who finished it (else who called it), as a rating records it. A department's
    /// services are grouped by item here and by the item's department in .NET.
    /// </summary>
    private static string TicketKey(FigureGrouping by) => by switch
    {
        FigureGrouping.Department or FigureGrouping.Item => "t.\"ServiceItemId\"",
        FigureGrouping.Counter => "t.\"CounterId\"",
        FigureGrouping.Staff => $"""
            COALESCE((SELECT e."UserId" FROM "TicketEvents" e WHERE e."TicketId" = t."Id" AND e."Kind" = '{TicketEventKind.Finished}' LIMIT 1),
                     t."CalledByUserId")
            """,
        _ => "t.\"HallId\"",
    };

    public static Task<List<SatisfactionRatingCounts>> RatingsAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, FigureGrouping by,
        CancellationToken ct)
    {
        var sql = $"""
            SELECT r."BusinessDay" AS "Day", {RatingKey(by)} AS "Key", COUNT(*) AS "Rated",
                   {Level(SatisfactionLevel.VerySatisfied)}, {Level(SatisfactionLevel.Satisfied)}, {Level(SatisfactionLevel.BasicallySatisfied)},
                   {Level(SatisfactionLevel.Dissatisfied)}, {Level(SatisfactionLevel.VeryDissatisfied)},
                   SUM(CASE WHEN r."ExcludedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Excluded"
            FROM "Ratings" r
            WHERE r."HallId" = {"{0}"} AND r."BusinessDay" >= {"{1}"} AND r."BusinessDay" <= {"{2}"}
            GROUP BY r."BusinessDay", {RatingKey(by)}
            """;
        return db.Database.SqlQueryRaw<SatisfactionRatingCounts>(sql, hallId, from, to).ToListAsync(ct);
    }

    public static Task<List<SatisfactionFollowUpCounts>> FollowUpsAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, FigureGrouping by,
        CancellationToken ct)
    {
        var sql = $"""
            SELECT r."BusinessDay" AS "Day", {RatingKey(by)} AS "Key",
                   SUM(CASE WHEN f."CalledBackAt" IS NOT NULL THEN 1 ELSE 0 END) AS "CalledBack",
                   SUM(CASE WHEN f."ClosedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Closed",
                   SUM(CASE WHEN f."ClosedAt" IS NOT NULL AND f."CitizenSatisfied" = TRUE THEN 1 ELSE 0 END) AS "ReportedSatisfied"
            FROM "Ratings" r JOIN "RatingFollowUps" f ON f."RatingId" = r."Id"
            WHERE r."HallId" = {"{0}"} AND r."BusinessDay" >= {"{1}"} AND r."BusinessDay" <= {"{2}"} AND r."Level" IN ({Bad})
                  AND r."ExcludedAt" IS NULL
            GROUP BY r."BusinessDay", {RatingKey(by)}
            """;
        return db.Database.SqlQueryRaw<SatisfactionFollowUpCounts>(sql, hallId, from, to).ToListAsync(ct);
    }

    /// <param name="deemedBefore">
    /// When the hall counts silence as 基本满意: services finished before this instant and never rated are deemed. Null
    /// (the default setting) leaves out the look-up of each service's rating.
    /// </param>
    public static Task<List<SatisfactionServiceCounts>> ServicesAsync(HallDbContext db, Guid hallId, DateOnly from, DateOnly to, FigureGrouping by,
        DateTime? deemedBefore, CancellationToken ct)
    {
        var deemed = deemedBefore is null ? "0"
            : """CASE WHEN t."FinishedAt" <= {3} AND NOT EXISTS (SELECT 1 FROM "Ratings" r WHERE r."TicketId" = t."Id") THEN 1 ELSE 0 END""";
        var sql = $"""
            SELECT x."Day", x."Key", COUNT(*) AS "Finished", SUM(x."Deemed") AS "Deemed"
            FROM (
                SELECT t."BusinessDay" AS "Day", {TicketKey(by)} AS "Key", {deemed} AS "Deemed"
                FROM "Tickets" t
                WHERE t."HallId" = {"{0}"} AND t."BusinessDay" >= {"{1}"} AND t."BusinessDay" <= {"{2}"} AND t."Status" = '{TicketStatus.Done}'
            ) x
            GROUP BY x."Day", x."Key"
            """;
        return (deemedBefore is { } before
                ? db.Database.SqlQueryRaw<SatisfactionServiceCounts>(sql, hallId, from, to, before)
                : db.Database.SqlQueryRaw<SatisfactionServiceCounts>(sql, hallId, from, to))
            .ToListAsync(ct);
    }
}
