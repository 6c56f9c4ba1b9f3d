using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

/// <summary>
/// Encryption by ASP.NET Core Data Protection (keys kept in the hall's database, rotated by the
/// framework, old keys still decrypt); see ADR-008.
/// </summary>
public sealed class PersonalDataVault(IDataProtectionProvider protection, HallDbContext db, TimeProvider clock)
    : IPersonalDataVault
{
    private readonly IDataProtector _protector = protection.CreateProtector("ServiceHall.PersonalData.v1");

    public SealedValue Seal(PersonalDataKind kind, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
            return new SealedValue("", "");
        return new SealedValue(_protector.Protect(trimmed), PersonalDataMask.Apply(kind, trimmed));
    }

    public SealedValue SealFreeText(string text)
    {
        var numbers = PersonalNumberDetector.Find(text);
        return numbers.Count == 0
            ? new SealedValue("", text)
            : new SealedValue(_protector.Protect(text), PersonalNumberDetector.Mask(text, numbers));
    }

    public async Task<string> RevealAsync(SealedRef what, Guid readerUserId, string purpose, CancellationToken ct = default)
    {
        var why = Reasons.Require(purpose, "purpose");
        if (what.Cipher.Length == 0)
            return "";
        var clear = _protector.Unprotect(what.Cipher);
        var now = clock.GetUtcNow();
        var read = new PersonalDataRead
        {
            Id = Guid.CreateVersion7(now),
            ReaderUserId = readerUserId,
            HallId = what.HallId,
            Kind = what.Kind,
            SubjectType = what.SubjectType,
            SubjectId = what.SubjectId,
            Purpose = why,
            ReadAt = now.UtcDateTime,
        };
        if (db.Database.CurrentTransaction is not null)
        {
            await PersonalDataReadChain.AppendAsync(db, read, ct);
            await db.SaveChangesAsync(ct);
            return clear;
        }
        // No value leaves the vault unless its read is on record.
        await using var write = await db.BeginWriteAsync(ct);
        await PersonalDataReadChain.AppendAsync(db, read, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return clear;
    }

    public Task<string> LookupKeyAsync(PersonalDataKind kind, string value, CancellationToken ct = default) =>
        PersonalDataLookup.KeyAsync(db, protection, kind, value, ct);

    public bool Matches(PersonalDataKind kind, string cipher, string candidate)
    {
        if (cipher.Length == 0 || string.IsNullOrWhiteSpace(candidate))
            return false;
        string Normal(string v) => kind == PersonalDataKind.Phone ? new string(v.Where(char.IsAsciiDigit).ToArray()) : v.Trim();
        var stored = Normal(_protector.Unprotect(cipher));
        var typed = Normal(candidate);
        return stored.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(stored), System.Text.Encoding.UTF8.GetBytes(typed));
    }
}
