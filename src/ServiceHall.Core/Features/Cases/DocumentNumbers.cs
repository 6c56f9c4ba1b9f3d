using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Cases;

/// <summary>The kinds of numbered documents: case numbers, 受理回执, 一次性告知书, 不予受理通知书.</summary>
public static class DocumentKinds
{
    public const string Case = "case";
    public const string Receipt = "receipt";
    public const string Notice = "notice";
    public const string Refusal = "refusal";
    /// <summary>延期告知书 (art. 42).</summary>
    public const string Extension = "extension";
    /// <summary>特别程序告知书 (art. 45).</summary>
    public const string ClockPause = "pause";

    private static readonly Dictionary<string, string> Prefixes = new()
    {
        [Case] = "", [Receipt] = "SL", [Notice] = "GZ", [Refusal] = "BY", [Extension] = "YQ", [ClockPause] = "TZ",
    };

    public static string Prefix(string kind) => Prefixes[kind];
}

public static class DocumentNumbers
{
    /// <summary>
    /// The next number of a kind in the hall's year, inside the caller's write transaction: one upsert,
    /// so concurrent nodes queue on the row lock and no number is given twice.
    /// </summary>
    public static async Task<string> NextAsync(HallDbContext db, Guid hallId, string kind, int year, CancellationToken ct)
    {
        var last = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "DocumentSequences" ("HallId", "Kind", "Year", "LastNumber")
            VALUES ({hallId}, {kind}, {year}, 1)
            ON CONFLICT ("HallId", "Kind", "Year")
            DO UPDATE SET "LastNumber" = "DocumentSequences"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct);
        var prefix = DocumentKinds.Prefix(kind);
        return prefix.Length == 0 ? $"{year}-{last.Single():000000}" : $"{prefix}{year}{last.Single():000000}";
    }
}
