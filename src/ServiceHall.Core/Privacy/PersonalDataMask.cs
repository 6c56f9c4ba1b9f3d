using System.Globalization;

namespace ServiceHall.Core.Privacy;

/// <summary>
/// How personal data looks where others may see it ("避免显示客户的个人信息给旁人"): enough for the
/// person to recognise their own record, not enough for a bystander to learn it.
/// </summary>
public static class PersonalDataMask
{
    private const char Star = '*';

    public static string Apply(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.Name => Name(value),
        PersonalDataKind.IdNumber => IdNumber(value),
        PersonalDataKind.Phone => Phone(value),
        _ => Contact(value),
    };

    /// <summary>张三丰 → 张**; the family name alone stays.</summary>
    public static string Name(string value)
    {
        var letters = TextElements(value.Trim());
        if (letters.Count == 0)
            return "";
        return letters[0] + new string(Star, Math.Max(1, letters.Count - 1));
    }

    /// <summary>330106199001011234 → 330***********1234: region and check digits, never the birth date.</summary>
    public static string IdNumber(string value) => KeepEnds(Compact(value), 3, 4);

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string value) => KeepEnds(Compact(value), 3, 4);

    /// <summary>Free contact text (an e-mail, a landline, a WeChat id): first and last character.</summary>
    public static string Contact(string value) => KeepEnds(value.Trim(), 1, 1);

    private static string KeepEnds(string value, int head, int tail)
    {
        if (value.Length == 0)
            return "";
        // Too short to show both ends without giving it all away: show the last character at most.
        if (value.Length <= head + tail)
            return new string(Star, Math.Max(1, value.Length - 1)) + (value.Length > 1 ? value[^1..] : "");
        return value[..head] + new string(Star, value.Length - head - tail) + value[^tail..];
    }

    private static string Compact(string value) =>
        string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '-'));

    private static List<string> TextElements(string value)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(value);
        while (e.MoveNext())
            elements.Add(e.GetTextElement());
        return elements;
    }
}
