using System.Diagnostics;
using System.Text;
using ServiceHall.Core.Features.Conduct;

// A day of a large hall's conversations checked against a long phrase list (issue 5, S4):
//   dotnet run -c Release --project bench/ServiceHall.ConductBench -- [transcripts] [chars] [phrases] [runs]
// Prints each run and the median, single-threaded and on every core.
var transcripts = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var length = args.Length > 1 ? int.Parse(args[1]) : 2_000;
var phraseCount = args.Length > 2 ? int.Parse(args[2]) : 500;
var runs = args.Length > 3 ? int.Parse(args[3]) : 5;

var random = new Random(20261123);
// Common characters of counter talk, so halves of phrases occur often and variants are verified often.
const string Common = "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后" +
    "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进" +
    "把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听" +
    "世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提" +
    "您请办证件材料窗口号排队业务登记社保医保户籍缴费核对填写签字复印身份原件";
var phrases = DefaultConductPhrases.All.Select(p => new PhraseSpec(Guid.NewGuid(), p.Text, p.Kind)).ToList();
while (phrases.Count < phraseCount)
{
    var n = random.Next(3, 9);
    var text = new string(Enumerable.Range(0, n).Select(_ => Common[random.Next(Common.Length)]).ToArray());
    phrases.Add(new PhraseSpec(Guid.NewGuid(), text, PhraseKind.Forbidden));
}

var forbidden = phrases.Where(p => p.Kind == PhraseKind.Forbidden).Select(p => p.Text).ToArray();
var punctuation = "，。？！、 ";
var corpus = new string[transcripts];
for (var t = 0; t < transcripts; t++)
{
    var sb = new StringBuilder(length + 64);
    sb.Append("您好，您要办理什么业务？");
    while (sb.Length < length - 20)
    {
        var roll = random.Next(1000);
        if (roll < 1)
            sb.Append(forbidden[random.Next(forbidden.Length)]); // about two forbidden phrases a conversation
        else if (roll < 100)
            sb.Append(punctuation[random.Next(punctuation.Length)]);
        else
            sb.Append(Common[random.Next(Common.Length)]);
    }
    sb.Append("请收好您的证件、资料，再见！");
    corpus[t] = sb.ToString();
}

var build = Stopwatch.StartNew();
var checker = new ConductChecker(phrases);
build.Stop();
Console.WriteLine($"{transcripts} transcripts × {length} characters, {checker.PhraseCount} phrases; automaton built in {build.Elapsed.TotalMilliseconds:F1} ms");

Measure("fold only", "characters kept", () =>
{
    long kept = 0;
    foreach (var text in corpus)
        kept += ConductText.Normalize(text).Text.Length;
    return kept;
});
Measure("single thread", "findings", () =>
{
    long findings = 0;
    foreach (var text in corpus)
        findings += checker.Check(text).Findings.Count;
    return findings;
});
Measure($"parallel ({Environment.ProcessorCount} cores)", "findings", () =>
{
    long findings = 0;
    Parallel.ForEach(corpus, () => 0L, (text, _, sum) => sum + checker.Check(text).Findings.Count,
        sum => Interlocked.Add(ref findings, sum));
    return findings;
});

void Measure(string name, string counted, Func<long> pass)
{
    pass(); // warm-up: JIT and tiered compilation
    var seconds = new List<double>();
    long findings = 0;
    for (var r = 0; r < runs; r++)
    {
        var watch = Stopwatch.StartNew();
        findings = pass();
        watch.Stop();
        seconds.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"  {name} run {r + 1}: {watch.Elapsed.TotalSeconds:F2} s");
    }
    seconds.Sort();
    Console.WriteLine($"{name}: median {seconds[seconds.Count / 2]:F2} s ({findings} {counted})");
}
