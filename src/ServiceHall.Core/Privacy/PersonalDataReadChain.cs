using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

/// <summary>
/// The audit's hash chain (P3, "tamper-evident"): each entry's hash is SHA-256 over its canonical
/// fields and the previous entry's hash. Appends take the chain head's row first (a row lock on
/// PostgreSQL, the one writer on SQLite), so nodes writing at once queue instead of forking it.
/// </summary>
public static class PersonalDataReadChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Places <paramref name="read"/> at the end of the chain; the caller's open transaction commits both.</summary>
    public static async Task AppendAsync(HallDbContext db, PersonalDataRead read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A chain append belongs in a write transaction.");
        var heads = db.Set<PersonalDataReadChainHead>().Where(h => h.Id == PersonalDataReadChainHead.SingletonId);
        // The update comes first: it takes the row, and whoever comes next waits for this commit.
        await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + 1), ct);
        var head = await heads.AsNoTracking().Select(h => new { h.Sequence, h.Hash }).SingleAsync(ct);
        read.ReadAt = Canonical(read.ReadAt);
        read.Sequence = head.Sequence;
        read.PreviousHash = head.Hash;
        read.Hash = HashOf(read);
        await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, read.Hash), ct);
        db.PersonalDataReads.Add(read);
    }

    /// <summary>The entry's hash from its fields as stored and the previous hash it names.</summary>
    public static string HashOf(PersonalDataRead read)
    {
        // A JSON array: every field in a fixed order, each delimited and escaped, nothing left to interpretation.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            "ServiceHall.PersonalDataRead.v1", read.Sequence, read.Id.ToString("D"), read.ReaderUserId.ToString("D"),
            read.HallId?.ToString("D"), read.Kind.ToString(), read.SubjectType, read.SubjectId.ToString("D"), read.Purpose,
            Canonical(read.ReadAt).Ticks, read.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    // PostgreSQL keeps microseconds: the hash covers what both databases give back.
    private static DateTime Canonical(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);
}
