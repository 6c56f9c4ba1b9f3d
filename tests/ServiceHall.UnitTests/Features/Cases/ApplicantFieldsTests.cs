using ServiceHall.Core;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.UnitTests.Features.Cases;

public class ApplicantFieldsTests
{
    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData(" E12345678 ", "E12345678")] // a passport
    public void IdNumber_Valid_Normalised(string input, string expected)
    {
        Assert.Equal(expected, ApplicantFields.IdNumber(input));
    }

    [Theory]
    [InlineData("110105194912310021")] // check digit should be X
    [InlineData("1101051949-1231002X")]
    [InlineData("1234567890123456789012345678901")]
    public void IdNumber_Invalid_Refused(string input)
    {
        Assert.Equal(ErrorCodes.IdNumberInvalid, Assert.Throws<DomainException>(() => ApplicantFields.IdNumber(input)).Code);
    }

    [Theory]
    [InlineData("138 1234-5678", "13812345678")]
    [InlineData("", "")]
    [InlineData("+8613812345678", "+8613812345678")]
    public void Phone_Normalised(string input, string expected)
    {
        Assert.Equal(expected, ApplicantFields.Phone(input));
    }

    [Theory]
    [InlineData("12ab")]
    [InlineData("123")]
    public void Phone_Invalid_Refused(string input)
    {
        Assert.Equal(ErrorCodes.PhoneInvalid, Assert.Throws<DomainException>(() => ApplicantFields.Phone(input)).Code);
    }
}
