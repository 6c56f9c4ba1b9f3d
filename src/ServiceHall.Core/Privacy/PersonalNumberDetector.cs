using System.Text.RegularExpressions;

namespace ServiceHall.Core.Privacy;

/// <summary>A personal number found in free text: where it is and what it is.</summary>
public readonly record struct PersonalNumber(PersonalDataKind Kind, int Start, int Length);

/// <summary>
/// Finds 身份证号 (18 digits with a valid check digit, or the old 15) and mainland mobile numbers
/// (1[3-9]x, 11 digits, optionally +86 and spaces or dashes) written into free text, so that they are
/// sealed like the fields (P3). A number glued to letters or other digits (a case number, a ticket
/// number, an order id) is not one of them; dates do not have their length.
/// </summary>
public static partial class PersonalNumberDetector
{
    private const char Star = '*';

    // Guards: no ASCII letter or digit on either side, so "SL2026113812345678" or "A001" never match.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]|[1-8]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+86|0086|86)[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9A-Za-z])")]
    private static partial Regex MobilePattern();

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    public static IReadOnlyList<PersonalNumber> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var found = new List<PersonalNumber>();
        foreach (Match m in IdNumberPattern().Matches(text))
            if (IsIdNumber(m.Value))
                found.Add(new PersonalNumber(PersonalDataKind.IdNumber, m.Index, m.Length));
        foreach (Match m in MobilePattern().Matches(text))
            if (!found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length))
                found.Add(new PersonalNumber(PersonalDataKind.Phone, m.Index, m.Length));
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// The text with every personal number masked in place, keeping its length (positions of findings
    /// stay valid) and the ends that let its owner recognise it: an ID number's region and last four,
    /// a mobile's first three and last four (after any +86).
    /// </summary>
    public static string Mask(string text, IReadOnlyList<PersonalNumber> numbers)
    {
        if (numbers.Count == 0)
            return text;
        var chars = text.ToCharArray();
        foreach (var n in numbers)
        {
            var digits = Enumerable.Range(n.Start, n.Length).Where(i => char.IsAsciiDigit(chars[i]) || chars[i] is 'X' or 'x').ToList();
            if (n.Kind == PersonalDataKind.Phone && digits.Count > 11)
                digits = digits[^11..]; // the country code stays as written
            for (var k = 3; k < digits.Count - 4; k++)
                chars[digits[k]] = Star;
        }
        return new string(chars);
    }

    /// <summary>Whether an 18-digit number has a real date and the check digit of GB 11643, or a 15-digit one a real date.</summary>
    public static bool IsIdNumber(string value)
    {
        if (value.Length is not (15 or 18) || !Provinces.Contains((value[0] - '0') * 10 + (value[1] - '0')))
            return false;
        var (year, at) = value.Length == 18 ? (int.Parse(value.AsSpan(6, 4)), 10) : (1900 + int.Parse(value.AsSpan(6, 2)), 8);
        var month = int.Parse(value.AsSpan(at, 2));
        var day = int.Parse(value.AsSpan(at + 2, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (value.Length == 15)
            return true;
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (value[i] - '0') * Weights[i];
        return char.ToUpperInvariant(value[17]) == CheckDigits[sum % 11];
    }
}
