namespace ServiceHall.Core.Privacy;

/// <summary>
/// The one way personal data goes in and out of storage (P3): sealed (encrypted, with a masked
/// copy) on the way in, revealed only with a reader and a purpose that are written to the audit.
/// </summary>
public interface IPersonalDataVault
{
    /// <summary>Encrypts a value and masks it. Empty or blank input seals to empty strings.</summary>
    SealedValue Seal(PersonalDataKind kind, string value);

    /// <summary>
    /// Free text as it may be stored: ID and mobile numbers written into it masked in place (the
    /// masked copy), the original sealed when there were any (the cipher; empty when there were none).
    /// </summary>
    SealedValue SealFreeText(string text);

    /// <summary>
    /// Decrypts a stored value and records the read. Inside an open write transaction the audit row
    /// joins it; otherwise it is committed on its own before the value is returned.
    /// </summary>
    Task<string> RevealAsync(SealedRef what, Guid readerUserId, string purpose, CancellationToken ct = default);

    /// <summary>
    /// Whether a stored value equals what a citizen typed (phones compare by their digits). Nothing
    /// leaves the vault, so nothing is read in the sense of the audit; callers limit the attempts.
    /// </summary>
    bool Matches(PersonalDataKind kind, string cipher, string candidate);

    /// <summary>
    /// A keyed hash of a value (a blind index, <see cref="PersonalDataLookup"/>): stored beside the cipher, it finds equal
    /// values (one booking per phone) without revealing any. Nothing is read in the sense of the audit.
    /// </summary>
    Task<string> LookupKeyAsync(PersonalDataKind kind, string value, CancellationToken ct = default);
}
