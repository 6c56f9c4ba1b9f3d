using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ServiceHall.Core.Features.Ratings;

/// <summary>
/// The secret of one ticket that lets its citizen rate the service from the phone (S1, ADR-017): made at issue,
/// printed only inside the ticket's QR code and phone link (<c>/t/{ticketId}?k=…</c>), never in a list, a hub
/// event or the ticket's public view. Ticket ids are public (the display and the hub carry them); the key is not.
/// </summary>
public static class RatingKeys
{
    public const int Length = 22;

    /// <summary>128 random bits, URL-safe base64 without padding.</summary>
    public static string New() =>
        Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>In constant time; a ticket without a key (issued before keys existed) matches nothing.</summary>
    public static bool Matches(string stored, string? given) =>
        stored.Length == Length && given is { Length: Length }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(given));
}
