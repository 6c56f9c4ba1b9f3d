namespace ServiceHall.Core.Features.Conduct;

/// <summary>The four lists of S4: opening (首问语), process (过程语) and closing (结束语) phrases, and forbidden ones (服务忌语).</summary>
public enum PhraseKind
{
    Greeting,
    Process,
    Farewell,
    Forbidden,
}

public enum FindingKind
{
    /// <summary>A forbidden phrase as listed, after folding (punctuation, particles, spaces, traditional characters).</summary>
    Forbidden,
    /// <summary>A forbidden phrase with a small wording change: one inserted character, or for long phrases one changed or missing.</summary>
    ForbiddenVariant,
    /// <summary>No opening phrase at the start of the conversation ("来有迎声").</summary>
    MissingGreeting,
    /// <summary>No closing phrase at the end of the conversation ("走有送声").</summary>
    MissingFarewell,
}

public sealed record PhraseSpec(Guid Id, string Text, PhraseKind Kind);

public sealed record ConductMatch(Guid? PhraseId, string Phrase, string Matched, int Start, int Length, FindingKind Kind);

public sealed record ConductReport(int Score, bool Greeting, bool Farewell, IReadOnlyList<ConductMatch> Findings);

/// <summary>How a transcript is scored; the defaults weigh a forbidden phrase above a missing greeting.</summary>
public sealed record ConductScoring
{
    public int ForbiddenPenalty { get; init; } = 20;
    public int VariantPenalty { get; init; } = 10;
    public int MissingGreetingPenalty { get; init; } = 10;
    public int MissingFarewellPenalty { get; init; } = 10;
    /// <summary>A greeting counts when it begins within this many folded characters of the start.</summary>
    public int OpeningChars { get; init; } = 40;
    /// <summary>A farewell counts when it ends within this many folded characters of the end.</summary>
    public int ClosingChars { get; init; } = 40;
    /// <summary>Phrases at least this long (folded) also match with one inserted character.</summary>
    public int MinVariantLength { get; init; } = 4;
    /// <summary>Phrases at least this long also match with one changed or missing character.</summary>
    public int MinSubstitutionLength { get; init; } = 7;

    public static readonly ConductScoring Default = new();
}

/// <summary>
/// The service-language checker (S4, B2). Pure and immutable once built, so one instance serves every
/// thread. All phrases are folded (<see cref="ConductText"/>) into one Aho–Corasick automaton, so a
/// transcript is read once whatever the number of phrases. Near variants use the pigeonhole rule: a
/// phrase with one edit still contains one of its two halves unchanged, so the halves are patterns
/// too, and each half found is verified by a small edit-distance alignment around it.
/// </summary>
public sealed class ConductChecker
{
    private const int Root = 0;

    private readonly PhraseSpec[] _phrases;
    private readonly string[] _folded;
    private readonly ConductScoring _scoring;
    // Automaton, as a full table: the characters of the phrases are numbered (0 = in no phrase, which
    // always leads back to the root), and every state has a next state for every number. A few
    // thousand states by a few hundred characters is a few megabytes, and the scan does one array
    // read per character with no branches on failure links.
    private readonly ushort[] _class = new ushort[char.MaxValue + 1];
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly Pattern[][] _output;

    private readonly record struct Pattern(int Phrase, int Length, int Offset, bool Whole);

    public ConductChecker(IEnumerable<PhraseSpec> phrases, ConductScoring? scoring = null)
    {
        _scoring = scoring ?? ConductScoring.Default;
        var kept = new List<(PhraseSpec Spec, string Folded)>();
        foreach (var p in phrases)
        {
            var folded = ConductText.NormalizePhrase(p.Text);
            if (folded.Length > 0)
                kept.Add((p, folded));
        }
        _phrases = kept.Select(k => k.Spec).ToArray();
        _folded = kept.Select(k => k.Folded).ToArray();

        var alphabet = new List<char> { '\0' };
        foreach (var c in _folded.SelectMany(f => f).Distinct())
        {
            _class[c] = (ushort)alphabet.Count;
            alphabet.Add(c);
        }
        _classes = alphabet.Count;

        var trie = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<Pattern>> { new() };
        for (var i = 0; i < _phrases.Length; i++)
        {
            var f = _folded[i];
            Add(trie, outputs, f, new Pattern(i, f.Length, 0, Whole: true));
            if (_phrases[i].Kind == PhraseKind.Forbidden && f.Length >= _scoring.MinVariantLength)
            {
                var half = f.Length / 2;
                Add(trie, outputs, f[..half], new Pattern(i, half, 0, Whole: false));
                Add(trie, outputs, f[half..], new Pattern(i, f.Length - half, half, Whole: false));
            }
        }
        _delta = BuildTable(trie, outputs);
        _output = outputs.Select(o => o.ToArray()).ToArray();
    }

    public int PhraseCount => _phrases.Length;

    private void Add(List<Dictionary<int, int>> trie, List<List<Pattern>> outputs, string pattern, Pattern output)
    {
        var state = Root;
        foreach (var c in pattern)
        {
            if (!trie[state].TryGetValue(_class[c], out var next))
            {
                next = trie.Count;
                trie.Add([]);
                outputs.Add([]);
                trie[state][_class[c]] = next;
            }
            state = next;
        }
        outputs[state].Add(output);
    }

    /// <summary>Aho–Corasick failure links, folded into a full transition table breadth first.</summary>
    private int[] BuildTable(List<Dictionary<int, int>> trie, List<List<Pattern>> outputs)
    {
        var delta = new int[trie.Count * _classes];
        var fail = new int[trie.Count];
        var queue = new Queue<int>();
        foreach (var (c, child) in trie[Root])
        {
            delta[c] = child;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var row = state * _classes;
            var failRow = fail[state] * _classes;
            for (var c = 1; c < _classes; c++)
            {
                if (trie[state].TryGetValue(c, out var child))
                {
                    delta[row + c] = child;
                    fail[child] = delta[failRow + c];
                    outputs[child].AddRange(outputs[fail[child]]);
                    queue.Enqueue(child);
                }
                else
                {
                    delta[row + c] = delta[failRow + c];
                }
            }
        }
        return delta;
    }

    public ConductReport Check(string text)
    {
        var (folded, origin) = ConductText.Normalize(text);
        var exact = new List<(int Phrase, int Start, int End)>();
        var candidates = new List<(int Phrase, int From, int To)>();
        var state = Root;
        for (var i = 0; i < folded.Length; i++)
        {
            state = _delta[state * _classes + _class[folded[i]]];
            var output = _output[state];
            if (output.Length == 0)
                continue;
            foreach (var p in output)
            {
                var start = i - p.Length + 1;
                if (p.Whole)
                {
                    exact.Add((p.Phrase, start, i + 1));
                }
                else
                {
                    // Where the whole phrase would lie around this half, one edit either way.
                    var phraseStart = start - p.Offset;
                    candidates.Add((p.Phrase, Math.Max(0, phraseStart - 1),
                        Math.Min(folded.Length, phraseStart + _folded[p.Phrase].Length + 1)));
                }
            }
        }
        return Report(text, folded, origin, exact, candidates);
    }

    private ConductReport Report(string text, string folded, int[] origin, List<(int Phrase, int Start, int End)> exact,
        List<(int Phrase, int From, int To)> candidates)
    {
        var findings = new List<ConductMatch>();
        var greeting = false;
        var farewell = false;
        var forbiddenSpans = new List<(int Phrase, int Start, int End)>();
        foreach (var (phrase, start, end) in exact)
        {
            switch (_phrases[phrase].Kind)
            {
                case PhraseKind.Greeting when start < _scoring.OpeningChars:
                    greeting = true;
                    break;
                case PhraseKind.Farewell when end > folded.Length - _scoring.ClosingChars:
                    farewell = true;
                    break;
                case PhraseKind.Forbidden:
                    forbiddenSpans.Add((phrase, start, end));
                    findings.Add(Match(text, origin, phrase, start, end, FindingKind.Forbidden));
                    break;
            }
        }

        var seen = new HashSet<(int, int, int)>();
        foreach (var (phrase, from, to) in candidates)
        {
            if (forbiddenSpans.Any(s => s.Phrase == phrase && s.Start < to && s.End > from))
                continue;
            if (Align(_folded[phrase], folded, from, to) is not var (start, end))
                continue;
            if (seen.Add((phrase, start, end)))
                findings.Add(Match(text, origin, phrase, start, end, FindingKind.ForbiddenVariant));
        }

        if (!greeting)
            findings.Add(new ConductMatch(null, "", "", 0, 0, FindingKind.MissingGreeting));
        if (!farewell)
            findings.Add(new ConductMatch(null, "", "", text.Length, 0, FindingKind.MissingFarewell));
        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));

        var score = 100;
        foreach (var f in findings)
        {
            score -= f.Kind switch
            {
                FindingKind.Forbidden => _scoring.ForbiddenPenalty,
                FindingKind.ForbiddenVariant => _scoring.VariantPenalty,
                FindingKind.MissingGreeting => _scoring.MissingGreetingPenalty,
                _ => _scoring.MissingFarewellPenalty,
            };
        }
        return new ConductReport(Math.Clamp(score, 0, 100), greeting, farewell, findings);
    }

    private ConductMatch Match(string text, int[] origin, int phrase, int start, int end, FindingKind kind)
    {
        var from = origin[start];
        var to = origin[end - 1] + 1;
        var spec = _phrases[phrase];
        return new ConductMatch(spec.Id, spec.Text, text[from..to], from, to - from, kind);
    }

    /// <summary>
    /// The best occurrence of <paramref name="phrase"/> in <c>text[from..to)</c> with exactly one edit:
    /// an inserted character always, a changed or missing one only for long phrases (in short ones a
    /// changed character too easily turns the meaning: 我不知道 → 我都知道). Semi-global alignment:
    /// the occurrence may start and end anywhere in the window.
    /// </summary>
    private (int Start, int End)? Align(string phrase, string text, int from, int to)
    {
        const int Never = int.MaxValue / 4;
        var m = phrase.Length;
        var w = to - from;
        var substitutions = m >= _scoring.MinSubstitutionLength;
        Span<int> cost = stackalloc int[(m + 1) * (w + 1)];
        Span<int> begin = stackalloc int[(m + 1) * (w + 1)];
        for (var j = 0; j <= w; j++)
        {
            cost[j] = 0;
            begin[j] = j;
        }
        for (var i = 1; i <= m; i++)
        {
            var row = i * (w + 1);
            var up = (i - 1) * (w + 1);
            cost[row] = substitutions ? cost[up] + 1 : Never;
            begin[row] = 0;
            for (var j = 1; j <= w; j++)
            {
                var same = phrase[i - 1] == text[from + j - 1];
                var best = same ? cost[up + j - 1] : substitutions ? cost[up + j - 1] + 1 : Never;
                var start = begin[up + j - 1];
                // The text has a character the phrase has not (an inserted word).
                if (cost[row + j - 1] + 1 < best)
                {
                    best = cost[row + j - 1] + 1;
                    start = begin[row + j - 1];
                }
                // The phrase has a character the text has not.
                if (substitutions && cost[up + j] + 1 < best)
                {
                    best = cost[up + j] + 1;
                    start = begin[up + j];
                }
                cost[row + j] = best;
                begin[row + j] = start;
            }
        }
        (int Start, int End)? found = null;
        var last = m * (w + 1);
        for (var j = 1; j <= w; j++)
        {
            // Cost 0 is the exact phrase, reported already; more than one edit is another sentence.
            if (cost[last + j] != 1 || phrase[m - 1] != text[from + j - 1])
                continue;
            var start = begin[last + j];
            if (phrase[0] != text[from + start])
                continue;
            if (found is null || j - start < found.Value.End - found.Value.Start)
                found = (from + start, from + j);
        }
        return found;
    }
}
