using System.Collections.Frozen;

namespace ServiceHall.Core.Features.Conduct;

/// <summary>
/// Folds a transcript and the phrases to one form before matching, so that near variants meet:
/// traditional characters become simplified, full-width Latin and digits become half-width, letters
/// lower case; punctuation, spaces, digits and filler particles (啊, 呀, 嘛…) are dropped.
/// <see cref="Normalize(string)"/> keeps, for every kept character, its index in the original text,
/// so findings point at the words as written.
/// </summary>
public static class ConductText
{
    /// <summary>Interjections and sentence particles a speaker inserts without changing what is said.</summary>
    private static readonly FrozenSet<char> Particles = "啊呀哇嘛呢哦噢喔吧啦嗯呃哎唉诶欸哈额嘞咧呐哟".ToFrozenSet();

    /// <summary>
    /// Traditional → simplified for the characters of the seeded phrase lists and common service
    /// talk. A hall's own phrases in characters not listed here still match their exact form.
    /// </summary>
    private const string Traditional =
        "對謝見請辦麼業務講寫繳費證關資詢續經號歡來這歸們沒領導訴嗎時還煩討厭難問題兒個麽" +
        "說話聽為給讓東門開帶齊幫處點邊過頭錢電現進與會帳貼誰樣種幹媽氣從後裡裏囉應該遞單" +
        "確認結長親愛歲醫藥掛診戶許規範稱員統訊實際網線擊離準備齒嚕囂張場餵轉別極錯於雜亂" +
        "習慣嚴復節標誤僅著";
    private const string SimplifiedForms =
        "对谢见请办么业务讲写缴费证关资询续经号欢来这归们没领导诉吗时还烦讨厌难问题儿个么" +
        "说话听为给让东门开带齐帮处点边过头钱电现进与会账贴谁样种干妈气从后里里啰应该递单" +
        "确认结长亲爱岁医药挂诊户许规范称员统讯实际网线击离准备齿噜嚣张场喂转别极错于杂乱" +
        "习惯严复节标误仅着";

    private static readonly FrozenDictionary<char, char> Simplified =
        Traditional.Zip(SimplifiedForms).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>Every character's folded form, 0 when dropped: one array read per character of a transcript.</summary>
    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 1; c <= char.MaxValue; c++)
            table[c] = FoldSlowly((char)c) ?? '\0';
        return table;
    }

    /// <summary>The folded form of one character, or null when it is dropped.</summary>
    public static char? Fold(char c) => Table[c] == '\0' ? null : Table[c];

    private static char? FoldSlowly(char c)
    {
        if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))
            return null;
        // Full-width ASCII block (！ to ～) folds to ASCII, then follows the ASCII rules.
        if (c is >= '\uFF01' and <= '\uFF5E')
            c = (char)(c - 0xFEE0);
        if (c is >= '0' and <= '9')
            return null;
        if (Particles.Contains(c))
            return null;
        if (Simplified.TryGetValue(c, out var simple))
            return simple;
        return char.ToLowerInvariant(c);
    }

    /// <summary>The folded text and, for each of its characters, the index in <paramref name="text"/>.</summary>
    public static (string Text, int[] Origin) Normalize(string text)
    {
        var chars = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        var table = Table;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = table[text[i]];
            if (folded == '\0')
                continue;
            chars[n] = folded;
            origin[n] = i;
            n++;
        }
        Array.Resize(ref origin, n);
        return (new string(chars, 0, n), origin);
    }

    /// <summary>
    /// A phrase's folded form. Placeholders written as x (请您x年x月x日来取证件) stand for digits,
    /// which the transcript loses in folding, so they go too.
    /// </summary>
    public static string NormalizePhrase(string phrase)
    {
        var chars = new List<char>(phrase.Length);
        foreach (var c in phrase)
        {
            if (c is 'x' or 'X' or 'ｘ' or 'Ｘ')
                continue;
            if (Fold(c) is { } folded)
                chars.Add(folded);
        }
        return new string([.. chars]);
    }
}
