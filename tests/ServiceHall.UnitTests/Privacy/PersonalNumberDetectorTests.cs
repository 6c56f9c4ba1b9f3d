using ServiceHall.Core.Privacy;

namespace ServiceHall.UnitTests.Privacy;

public class PersonalNumberDetectorTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("320102199003074560")]
    [InlineData("440304850101001")] // the old 15 digits: 1985-01-01
    public void IsIdNumber_ValidCheckDigitAndDate_True(string value) => Assert.True(PersonalNumberDetector.IsIdNumber(value));

    [Theory]
    [InlineData("110105194912310021")] // check digit should be X
    [InlineData("330106199001011234")] // check digit should be X
    [InlineData("330106199002301236")] // 30 February
    [InlineData("990106199001011233")] // no such province
    [InlineData("440304851301001")]    // month 13
    public void IsIdNumber_WrongCheckDigitDateOrRegion_False(string value) => Assert.False(PersonalNumberDetector.IsIdNumber(value));

    [Fact]
    public void Find_NumbersInsideChineseText_MaskedInPlaceKeepingLength()
    {
        const string text = "我的身份证号是11010519491231002X，手机138 1234 5678，或者+86-139-0000-1111，旧证440304850101001。";

        var found = PersonalNumberDetector.Find(text);

        Assert.Equal([PersonalDataKind.IdNumber, PersonalDataKind.Phone, PersonalDataKind.Phone, PersonalDataKind.IdNumber], found.Select(f => f.Kind));
        var masked = PersonalNumberDetector.Mask(text, found);
        Assert.Equal("我的身份证号是110***********002X，手机138 **** 5678，或者+86-139-****-1111，旧证440********1001。", masked);
        Assert.Equal(text.Length, masked.Length);
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138-1234-5678")]
    [InlineData("+8613812345678")]
    [InlineData("电话:19912345678。")]
    public void Find_MainlandMobiles(string text) =>
        Assert.Equal(PersonalDataKind.Phone, Assert.Single(PersonalNumberDetector.Find(text)).Kind);

    [Theory]
    [InlineData("案件编号SL20261123000123，请于2026-11-23来取")]   // a case number and a date
    [InlineData("号票A001，受理文书编号ZW2026112313812345678")]      // a ticket and a document number glued to letters
    [InlineData("办件 2026112313812345678 已办结")]                 // a longer number that only contains a mobile
    [InlineData("12812345678 不是手机号，11012345678 也不是")]       // 12x and 11x are not mobile prefixes
    [InlineData("身份证号110105194912310021写错了")]                // a wrong check digit
    [InlineData("20261123 20261123 0571-88886666")]                 // dates and a landline
    public void Find_CaseNumbersTicketsDatesAndInvalidNumbers_Nothing(string text) =>
        Assert.Empty(PersonalNumberDetector.Find(text));
}
