using ServiceHall.Core.Privacy;

namespace ServiceHall.UnitTests.Privacy;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("王", "王*")]
    [InlineData("Alice Smith", "A**********")]
    [InlineData("", "")]
    public void Name_KeepsOnlyTheFirstCharacter(string name, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Name(name));

    [Theory]
    [InlineData("330106199001011234", "330***********1234")]
    [InlineData("33010619900101123X", "330***********123X")]
    [InlineData("330106 19900101 1234", "330***********1234")]
    public void IdNumber_HidesTheBirthDate(string id, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.IdNumber(id));
        Assert.DoesNotContain("19900101", PersonalDataMask.IdNumber(id));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("0571-88886666", "057*****6666")]
    public void Phone_KeepsPrefixAndLastFour(string phone, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("1234", "***4")]
    [InlineData("12", "*2")]
    [InlineData("1", "*")]
    public void ShortValues_NeverShownWhole(string value, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Phone(value));

    [Fact]
    public void Contact_KeepsFirstAndLast() =>
        Assert.Equal("z**********m", PersonalDataMask.Contact("zhang@qq.com"));

    [Theory]
    [InlineData(PersonalDataKind.Name, "张三", "张*")]
    [InlineData(PersonalDataKind.IdNumber, "330106199001011234", "330***********1234")]
    [InlineData(PersonalDataKind.Phone, "13812345678", "138****5678")]
    [InlineData(PersonalDataKind.Contact, "wx_zhang", "w******g")]
    public void Apply_ChoosesTheMaskOfTheKind(PersonalDataKind kind, string value, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Apply(kind, value));
}
