using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

public class TicketNumbersTests
{
    [Theory]
    [InlineData("A", 1, "A001")]
    [InlineData("A", 42, "A042")]
    [InlineData("A", 999, "A999")]
    [InlineData("A", 1000, "A1000")]
    [InlineData("B", 7, "B007")]
    [InlineData("VIP", 12, "VIP012")]
    public void Format_PrefixAndSequence_AtLeastThreeDigits(string prefix, int sequence, string expected)
    {
        Assert.Equal(expected, TicketNumbers.Format(prefix, sequence));
    }

    [Fact]
    public void Format_ConsecutiveSequences_SortAsTextWithinThreeDigits()
    {
        var numbers = Enumerable.Range(1, 999).Select(i => TicketNumbers.Format("A", i)).ToList();

        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
        Assert.Equal(999, numbers.Distinct().Count());
    }
}
