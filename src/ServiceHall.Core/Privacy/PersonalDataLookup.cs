using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

/// <summary>
/// The secret of the vault's keyed hashes (the blind index ADR-008 foresaw): 32 random bytes made once per installation,
/// stored sealed by Data Protection (so the key file protects it like every sealed value), one row.
/// </summary>
public class PersonalDataLookupSecret
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public string Cipher { get; set; } = "";
}

internal sealed class PersonalDataLookupSecretConfiguration : IEntityTypeConfiguration<PersonalDataLookupSecret>
{
    public void Configure(EntityTypeBuilder<PersonalDataLookupSecret> builder) =>
        builder.Property(s => s.Id).ValueGeneratedNever();
}

/// <summary>
/// Equality search over sealed values without revealing them: HMAC-SHA-256 of the normalised value (phones by their
/// digits without +86, ID numbers upper-case) under the installation's lookup secret. Equal values give equal keys;
/// the key alone gives nothing back, and a copy of the database without the key file cannot recompute it.
/// </summary>
public static class PersonalDataLookup
{
    private const string Purpose = "ServiceHall.PersonalDataLookup.v1";
    /// <summary>Per database: the secret is read once per process.</summary>
    private static readonly ConcurrentDictionary<string, byte[]> Secrets = new();

    public static string Normalise(PersonalDataKind kind, string value)
    {
        var trimmed = value.Trim();
        return kind switch
        {
            PersonalDataKind.Phone => PhoneDigits(trimmed),
            PersonalDataKind.IdNumber => trimmed.ToUpperInvariant(),
            _ => trimmed,
        };
    }

    private static string PhoneDigits(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    public static async Task<string> KeyAsync(HallDbContext db, IDataProtectionProvider protection, PersonalDataKind kind, string value,
        CancellationToken ct)
    {
        var secret = await SecretAsync(db, protection, ct);
        var text = $"{kind}:{Normalise(kind, value)}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<byte[]> SecretAsync(HallDbContext db, IDataProtectionProvider protection, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (Secrets.TryGetValue(database, out var known))
            return known;
        var protector = protection.CreateProtector(Purpose);
        var stored = await ReadAsync(db, ct);
        if (stored is null)
        {
            // Two nodes may make one at once: the first insert wins and both read it back. Called outside any write
            // transaction (the SQLite gate is not re-entrant).
            var made = new PersonalDataLookupSecret
            {
                Id = PersonalDataLookupSecret.SingletonId, Cipher = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            };
            try
            {
                await using var write = await db.BeginWriteAsync(ct);
                db.Set<PersonalDataLookupSecret>().Add(made);
                await db.SaveChangesAsync(ct);
                await write.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
            }
            finally
            {
                db.Entry(made).State = EntityState.Detached;
            }
            stored = await ReadAsync(db, ct) ?? throw new InvalidOperationException("The lookup secret was neither found nor made.");
        }
        var secret = Convert.FromBase64String(protector.Unprotect(stored));
        Secrets[database] = secret;
        return secret;
    }

    private static Task<string?> ReadAsync(HallDbContext db, CancellationToken ct) =>
        db.Set<PersonalDataLookupSecret>().AsNoTracking().Where(s => s.Id == PersonalDataLookupSecret.SingletonId)
            .Select(s => s.Cipher).FirstOrDefaultAsync(ct);
}
