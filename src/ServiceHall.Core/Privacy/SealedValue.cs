namespace ServiceHall.Core.Privacy;

/// <summary>
/// A personal value as stored: the cipher (only the vault turns it back, with an audit row) and
/// the masked form that lists and other people's screens show.
/// </summary>
public readonly record struct SealedValue(string Cipher, string Masked);

/// <summary>Which stored value a reader wants in clear, and whose record it belongs to (for the audit).</summary>
/// <param name="HallId">The hall whose record it is, for the audit's filter; null for a record of no hall.</param>
public sealed record SealedRef(PersonalDataKind Kind, string Cipher, string SubjectType, Guid SubjectId, Guid? HallId = null);
