using System.Globalization;

namespace ServiceHall.Core;

/// <summary>
/// The punctuation that joins names, badges and lists in the reader's language (the request's or the circuit's UI culture):
/// full-width （）、： in Chinese, ASCII ( ), ", ", ": " otherwise — an English page never shows Chinese brackets.
/// </summary>
public static class Punctuation
{
    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>A name with its detail: 张三（0012） / Zhang San (0012).</summary>
    public static string WithDetail(string? name, string? detail) =>
        detail is null ? name ?? "" : Chinese ? $"{name}（{detail}）" : $"{name} ({detail})";

    /// <summary>A label and its value: 原因：… / Reason: …</summary>
    public static string Labelled(string label, string value) => Chinese ? $"{label}：{value}" : $"{label}: {value}";

    /// <summary>The label's separator alone, for markup that styles the label.</summary>
    public static string AfterLabel => Chinese ? "：" : ": ";

    /// <summary>Between two clauses of one sentence: ；/ "; ".</summary>
    public static string BetweenClauses => Chinese ? "；" : "; ";

    /// <summary>A list of names: 甲、乙 / A, B.</summary>
    public static string List(IEnumerable<string> items) => string.Join(Chinese ? "、" : ", ", items);
}
