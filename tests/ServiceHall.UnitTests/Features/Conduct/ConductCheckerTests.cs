using ServiceHall.Core.Features.Conduct;

namespace ServiceHall.UnitTests.Features.Conduct;

public class ConductCheckerTests
{
    private static readonly ConductChecker Checker = new(
        DefaultConductPhrases.All.Select(p => new PhraseSpec(Guid.NewGuid(), p.Text, p.Kind)));

    private static List<ConductMatch> Forbidden(ConductReport report) =>
        report.Findings.Where(f => f.Kind is FindingKind.Forbidden or FindingKind.ForbiddenVariant).ToList();

    [Fact]
    public void Check_PoliteConversation_FullScoreNoFindings()
    {
        var report = Checker.Check("您好，您要办理什么业务？请稍等。您的手续已办好，请核对。请收好您的证件、资料，再见！");
        Assert.True(report.Greeting);
        Assert.True(report.Farewell);
        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
    }

    [Fact]
    public void Check_ForbiddenPhrase_FoundAtItsPlaceInTheOriginal()
    {
        const string text = "您好。这个事情我不知道，您去问别人吧。再见";
        var finding = Assert.Single(Forbidden(Checker.Check(text)));
        Assert.Equal("我不知道", finding.Phrase);
        Assert.Equal(FindingKind.Forbidden, finding.Kind);
        Assert.Equal(text.IndexOf("我不知道", StringComparison.Ordinal), finding.Start);
        Assert.Equal("我不知道", text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("我，不……知道", "我，不……知道")]
    [InlineData("我 不 知 道", "我 不 知 道")]
    [InlineData("我不啊知道", "我不啊知道")]
    [InlineData("這不歸我管", "這不歸我管")]
    [InlineData("你有完沒完！", "你有完沒完")]
    [InlineData("急什么呀", "急什么")]
    [InlineData("烦 死 啦", "烦 死")] // the trailing particle is not part of what was said wrong
    public void Check_PunctuationParticlesSpacesTraditional_StillTheForbiddenPhrase(string said, string matched)
    {
        var text = $"您好。{said}。再见";
        var finding = Assert.Single(Forbidden(Checker.Check(text)), f => f.Matched == matched);
        Assert.Equal(FindingKind.Forbidden, finding.Kind);
        Assert.Equal(matched, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("我也不知道", "我不知道")]
    [InlineData("这个不归我管", "这不归我管")]
    [InlineData("有意见就找领导去", "有意见找领导去")]
    [InlineData("我怎么会知道什么时候办好", "我怎么知道什么时候办好")]
    [InlineData("我怎么知道什么时间办好", "我怎么知道什么时候办好")]
    [InlineData("没看到我一直在忙吗", "没看我一直在忙吗")]
    public void Check_SmallWordingChange_Variant(string said, string phrase)
    {
        var text = $"您好。{said}。再见";
        var finding = Assert.Single(Forbidden(Checker.Check(text)));
        Assert.Equal(phrase, finding.Phrase);
        Assert.Equal(FindingKind.ForbiddenVariant, finding.Kind);
        Assert.Equal(said, finding.Matched);
    }

    [Theory]
    [InlineData("我都知道")]     // a changed character in a short phrase turns its meaning
    [InlineData("我不太想知道")] // two inserted characters: another sentence
    [InlineData("请您等一下")]   // "等一下" alone is polite
    [InlineData("您不知道的话可以问我")]
    public void Check_SimilarButHarmless_NotFlagged(string said)
    {
        Assert.Empty(Forbidden(Checker.Check($"您好。{said}。再见")));
    }

    [Fact]
    public void Check_NoGreetingNoFarewell_MissingFindingsAndLowerScore()
    {
        var report = Checker.Check("身份证带了吗？材料齐了，下一位。");
        Assert.False(report.Greeting);
        Assert.False(report.Farewell);
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.MissingGreeting);
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.MissingFarewell);
        Assert.Equal(100 - 10 - 10, report.Score);
    }

    [Fact]
    public void Check_GreetingLateInTheConversation_DoesNotCount()
    {
        var report = Checker.Check(new string('嗯', 5) + string.Concat(Enumerable.Repeat("材料请放这里。", 10)) + "您好，再见");
        Assert.False(report.Greeting);
        Assert.True(report.Farewell);
    }

    [Fact]
    public void Check_SeveralForbidden_ScoreFallsAndStaysAtZero()
    {
        var rude = string.Concat(Enumerable.Repeat("急什么！真烦人。", 5));
        var report = Checker.Check(rude);
        Assert.Equal(10, Forbidden(report).Count);
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public void Check_PlaceholderPhrase_MatchesWithDigits()
    {
        var report = Checker.Check("您好……请您2026年12月1日来取证件");
        Assert.True(report.Farewell);
    }

    [Fact]
    public void Check_ManyPhrasesSharingPrefixesAndSuffixes_EachFoundWhereItIs()
    {
        // 不行一 … 不行(300th character): one shared prefix, and 行 alone as a suffix of every one.
        var phrases = Enumerable.Range(0, 300).Select(i => new PhraseSpec(Guid.NewGuid(), $"不行{(char)(0x4E00 + i)}", PhraseKind.Forbidden))
            .Append(new PhraseSpec(Guid.NewGuid(), "行", PhraseKind.Forbidden)).ToList();
        var checker = new ConductChecker(phrases);
        var text = $"说{(char)0x4E01}了不行{(char)0x4E05}，又不行{(char)0x4E07}";
        var found = Forbidden(checker.Check(text)).Select(f => (f.Phrase, f.Start)).ToHashSet();
        (string, int)[] expected = [("行", 4), ($"不行{(char)0x4E05}", 3), ("行", 9), ($"不行{(char)0x4E07}", 8)];
        Assert.Equal(expected.ToHashSet(), found);
    }

    [Fact]
    public void Normalize_KeepsOriginIndexOfEveryKeptCharacter()
    {
        var (folded, origin) = ConductText.Normalize("Ａ，我 不啊知道！");
        Assert.Equal("a我不知道", folded);
        Assert.Equal([0, 2, 4, 6, 7], origin);
    }
}
