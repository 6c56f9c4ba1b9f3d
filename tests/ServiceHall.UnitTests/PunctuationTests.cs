using System.Globalization;
using ServiceHall.Core;

namespace ServiceHall.UnitTests;

public class PunctuationTests
{
    [Theory]
    [InlineData("zh-CN", "张三（0012）", "原因：迟到", "A001、A002")]
    [InlineData("en", "张三 (0012)", "原因: 迟到", "A001, A002")]
    public void ChineseFullWidth_EnglishAscii(string culture, string badge, string labelled, string list)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal((badge, labelled, list, "张三"),
                (Punctuation.WithDetail("张三", "0012"), Punctuation.Labelled("原因", "迟到"), Punctuation.List(["A001", "A002"]),
                    Punctuation.WithDetail("张三", null)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
