using ServiceHall.Core;
using ServiceHall.Core.Input;

namespace ServiceHall.UnitTests.Input;

public sealed class InputRulesTests
{
    private sealed record Line([Text(5)] string? Name, string? Reason);

    private sealed record Body([Text(20, MultiLine = true)] string? Notes, List<Line>? Lines, [Text(3)] List<string>? Codes, DateOnly? Day,
        DateTime? At);

    [Fact]
    public void Check_CleanBody_Passes() =>
        InputRules.Check(new Body("a\r\nb\tc", [new Line("abc", "why")], ["x"], new DateOnly(2026, 11, 23), new DateTime(2099, 12, 31)), "");

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\nb")]
    public void Check_ControlCharacterInOneLineField_Refused(string reason)
    {
        var refusal = Assert.Throws<DomainException>(() => InputRules.Check(new Body(null, [new Line(null, reason)], null, null, null), ""));
        Assert.Equal(ErrorCodes.ControlCharacter, refusal.Code);
        Assert.Equal("lines[0].reason", refusal.Field);
    }

    [Fact]
    public void Check_NulInMultiLineField_Refused() =>
        Assert.Equal(ErrorCodes.ControlCharacter,
            Assert.Throws<DomainException>(() => InputRules.Check(new Body("a\nb\0", null, null, null, null), "")).Code);

    [Fact]
    public void Check_Lengths_FromAttributeOrDefault()
    {
        var named = Assert.Throws<DomainException>(() => InputRules.Check(new Body(null, [new Line("123456", null)], null, null, null), ""));
        Assert.Equal((ErrorCodes.TooLong, "lines[0].name"), (named.Code, named.Field));
        Assert.Equal(5, named.Args[1]);
        InputRules.Check(new Line(null, new string('x', InputRules.DefaultMaxLength)), "");
        Assert.Throws<DomainException>(() => InputRules.Check(new Line(null, new string('x', InputRules.DefaultMaxLength + 1)), ""));
        var code = Assert.Throws<DomainException>(() => InputRules.Check(new Body(null, null, ["abc", "abcd"], null, null), ""));
        Assert.Equal("codes[1]", code.Field);
    }

    [Fact]
    public void Check_NullEntryInList_Refused()
    {
        var refusal = Assert.Throws<DomainException>(() => InputRules.Check(new Body(null, [new Line("a", null), null!], null, null, null), ""));
        Assert.Equal((ErrorCodes.NullInList, "lines"), (refusal.Code, refusal.Field));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2100, 1, 1)]
    public void Check_DateOutsideCalendarYears_Refused(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(ErrorCodes.DateOutOfRange,
            Assert.Throws<DomainException>(() => InputRules.Check(new Body(null, null, null, date, null), "")).Code);
        Assert.Equal("at", Assert.Throws<DomainException>(() =>
            InputRules.Check(new Body(null, null, null, null, date.ToDateTime(TimeOnly.MinValue)), "")).Field);
    }

    [Fact]
    public void Covers_TextDatesRequestTypesAndLists_NotNumbers()
    {
        Assert.True(InputRules.Covers(typeof(string)));
        Assert.True(InputRules.Covers(typeof(DateOnly?)));
        Assert.True(InputRules.Covers(typeof(List<string>)));
        Assert.True(InputRules.Covers(typeof(Body)));
        Assert.False(InputRules.Covers(typeof(int)));
        Assert.False(InputRules.Covers(typeof(Guid[])));
    }
}
