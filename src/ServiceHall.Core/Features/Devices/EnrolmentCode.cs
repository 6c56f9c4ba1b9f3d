using System.Security.Cryptography;
using System.Text;

namespace ServiceHall.Core.Features.Devices;

/// <summary>
/// A one-time enrolment code: ten characters from an alphabet without look-alikes (0/O, 1/I), about 50
/// bits, typed or carried in a link. Only its SHA-256 is stored, so a copy of the database enrols nothing.
/// </summary>
public static class EnrolmentCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>Upper case, without the spaces and dashes a person may type; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var code = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}
