using System.Globalization;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Halls;

public class LocalNamesTests
{
    [Theory]
    [InlineData("en", "Pharmacy")]
    [InlineData("en-US", "Pharmacy")]
    [InlineData("zh-CN", "门诊药房")]
    [InlineData("zh", "门诊药房")]
    [InlineData("", "门诊药房")]
    public void Of_EnglishWhereTheCultureIsEnglish_ChineseOtherwise(string culture, string expected)
    {
        Assert.Equal(expected, LocalNames.Of("门诊药房", "Pharmacy", new CultureInfo(culture)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Of_NoEnglishName_FallsBackToTheChinese(string? english)
    {
        Assert.Equal("综合咨询", LocalNames.Of("综合咨询", english, new CultureInfo("en")));
    }

    [Fact]
    public void Of_WithoutCulture_FollowsTheRequestsCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Ticket office", LocalNames.Of("售票处", "Ticket office"));
            Assert.Equal("Bring your ID card.", LocalNames.Optional("请携带身份证。", "Bring your ID card."));
            Assert.Equal("Bring your ID card.", LocalNames.Optional(null, "Bring your ID card."));
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("售票处", LocalNames.Of("售票处", "Ticket office"));
            Assert.Null(LocalNames.Optional(null, "Bring your ID card."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
