using ServiceHall.Core.Features.Ratings;

namespace ServiceHall.UnitTests.Features.Supervision;

public class SatisfactionCodesTests
{
    [Theory]
    [InlineData(SatisfactionLevel.VerySatisfied, 1, 5)]
    [InlineData(SatisfactionLevel.Satisfied, 2, 4)]
    [InlineData(SatisfactionLevel.BasicallySatisfied, 3, 3)]
    [InlineData(SatisfactionLevel.Dissatisfied, 4, 2)]
    [InlineData(SatisfactionLevel.VeryDissatisfied, 5, 1)]
    public void Codes_Gbt39046AndNationalReporting_CountOppositeWays(SatisfactionLevel level, int gbt, int national)
    {
        Assert.Equal(gbt, SatisfactionCodes.ToGbt39046(level));
        Assert.Equal(national, SatisfactionCodes.ToNationalReporting(level));
        Assert.Equal(level, SatisfactionCodes.FromGbt39046(gbt));
        Assert.Equal(level, SatisfactionCodes.FromNationalReporting(national));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Codes_OutOfRange_Refused(int code)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionCodes.FromGbt39046(code));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionCodes.FromNationalReporting(code));
    }

    [Fact]
    public void Bad_OnlyTheLastTwoLevels() =>
        Assert.Equal([SatisfactionLevel.Dissatisfied, SatisfactionLevel.VeryDissatisfied], Enum.GetValues<SatisfactionLevel>().Where(Rating.Bad));
}
